package dev.portcullis.triage.reachability;

/**
 * A script Node.js runs first.
 *
 * @param file absolute path of the script in the image, for example {@code /usr/src/app/dist/main.js}
 * @param origin where it came from, for example {@code image config: node dist/main.js in /usr/src/app}
 */
public record EntryPoint(String file, String origin) {}
