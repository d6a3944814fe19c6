package dev.portcullis.base;

/**
 * A runtime version found in an image's content.
 *
 * @param family the image family whose runtime this is, for example {@link ImageFamily#NODE}
 * @param version the version, without a leading {@code v} or {@code go} ({@code 20.18.0}, {@code 1.22.3})
 * @param source where it was read, for example {@code binary /usr/local/bin/node} or {@code ENV NODE_VERSION}
 */
public record RuntimeVersion(ImageFamily family, String version, String source) {}
