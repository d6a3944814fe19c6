package dev.portcullis.lint;

import java.util.List;

/**
 * The findings of one linted Dockerfile.
 *
 * @param file the Dockerfile as named on the command line
 * @param findings the findings sorted by line
 */
public record LintResult(String file, List<Finding> findings) {

    public LintResult {
        findings = List.copyOf(findings);
    }
}
