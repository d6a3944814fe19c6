package dev.portcullis.triage;

import dev.portcullis.match.Finding;
import java.util.List;

/**
 * Gathers one kind of evidence about a finding. A collector never decides alone: it may propose a
 * verdict, and the triage engine picks the first proposal in the verdict order.
 */
public interface EvidenceCollector {

    /** Returns the facts found for the finding, empty when this kind of evidence does not apply. */
    List<Observation> collect(Finding finding, TriageContext context);
}
