package dev.portcullis.match;

import dev.portcullis.image.Skipped;
import java.util.List;

/**
 * The findings of one inventory, and the records that could not be compared.
 *
 * @param skipped records whose versions or ranges could not be read, with the reason
 */
public record MatchResult(List<Finding> findings, List<Skipped> skipped) {

    public MatchResult {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
    }
}
