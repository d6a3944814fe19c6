package dev.portcullis.triage;

import java.util.List;

/**
 * The result of one evidence collector for one finding: facts, and the verdict they support when they
 * are enough for one.
 *
 * @param evidence the facts, deciding if the proposed verdict wins
 * @param proposed the verdict these facts support, or null when they only inform
 */
public record Observation(List<Evidence> evidence, Verdict proposed) {

    public Observation {
        evidence = List.copyOf(evidence);
    }

    public static Observation fact(Evidence evidence) {
        return new Observation(List.of(evidence), null);
    }

    public static Observation verdict(Verdict verdict, Evidence... evidence) {
        return new Observation(List.of(evidence), verdict);
    }
}
