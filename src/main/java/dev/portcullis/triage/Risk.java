package dev.portcullis.triage;

import java.util.List;

/**
 * The risk level of a finding and every step that led to it, the starting level first.
 */
public record Risk(RiskLevel level, List<RiskAdjustment> adjustments) {

    public Risk {
        adjustments = List.copyOf(adjustments);
    }
}
