package dev.portcullis.lint;

import dev.portcullis.lint.dockerfile.Dockerfile;

/**
 * One Dockerfile to lint with the configuration that applies to it, as found next to the file.
 *
 * @param dockerfile the parsed Dockerfile
 * @param config the settings for this file
 */
public record LintJob(Dockerfile dockerfile, LintConfig config) {
}
