package dev.portcullis.triage;

/**
 * One step of the risk model, with its written reason.
 *
 * @param rule the rule's key in the risk model configuration, for example {@code kev}
 * @param from the level before this step, or null for the starting level
 * @param to the level after it
 * @param reason why, for example {@code listed in CISA KEV since 2023-11-21}
 */
public record RiskAdjustment(String rule, RiskLevel from, RiskLevel to, String reason) {}
