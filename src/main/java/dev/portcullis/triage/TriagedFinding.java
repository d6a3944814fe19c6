package dev.portcullis.triage;

import dev.portcullis.match.Finding;
import java.util.List;

/**
 * A finding with exactly one verdict, its risk level and every piece of evidence gathered.
 *
 * @param finding the matched finding
 * @param verdict the verdict that won the verdict order
 * @param risk the risk level with one written reason per adjustment
 * @param evidence every fact gathered, deciding or not, deciding ones first
 * @param advice what to do about the package, for example {@code upgrade lodash to 4.17.21}, or
 *     null when there is nothing to do or no fix exists
 */
public record TriagedFinding(Finding finding, Verdict verdict, Risk risk, List<Evidence> evidence, String advice) {

    public TriagedFinding {
        evidence = List.copyOf(evidence);
    }

    public List<Evidence> deciding() {
        return evidence.stream().filter(Evidence::decided).toList();
    }

    TriagedFinding withAdvice(String text) {
        return new TriagedFinding(finding, verdict, risk, evidence, text);
    }
}
