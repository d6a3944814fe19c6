package dev.portcullis.triage;

import dev.portcullis.match.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes a finding's risk level apart from its verdict, writing one reason per step. The rules
 * run in this order, each configurable in {@link RiskModelConfig}:
 * <ol>
 *   <li>start from the displayed severity ({@code high} gives High);
 *   <li>a CISA KEV listing raises it ({@code kev.raise} steps);
 *   <li>an EPSS estimate at or above {@code epss.threshold} raises it ({@code epss.raise} steps);
 *   <li>the verdict: NOT_AFFECTED and ALREADY_PATCHED set their proven level (Minimal by default),
 *       other verdicts shift it by their steps (LOW_RISK from the distro: two steps down);
 *   <li>a KEV-listed finding whose verdict is not proven ends no lower than {@code kev.floor} (High).
 * </ol>
 * Example: a high-severity AFFECTED finding in KEV starts High, is raised to Critical, and stays there.
 */
public final class RiskModel {

    private final RiskModelConfig config;

    public RiskModel(RiskModelConfig config) {
        this.config = config;
    }

    public static RiskModel defaults() {
        return new RiskModel(RiskModelConfig.defaults());
    }

    public Risk assess(Finding finding, Verdict verdict) {
        List<RiskAdjustment> steps = new ArrayList<>();
        RiskLevel level = config.severity().get(finding.level());
        String rater = finding.displayed() == null ? "no source rates it" : finding.displayed().source() + " rates it "
                + finding.level().word();
        steps.add(new RiskAdjustment("severity", null, level, "starts at " + level.label() + ": " + rater));

        if (finding.kev() != null && config.kevRaise() != 0) {
            level = step(steps, "kev", level, level.shift(config.kevRaise()),
                    "listed in CISA KEV since " + finding.kev().dateAdded() + " as exploited in the wild");
        }
        if (finding.epss() != null && finding.epss().epss() >= config.epssThreshold() && config.epssRaise() != 0) {
            level = step(steps, "epss", level, level.shift(config.epssRaise()), String.format(Locale.ROOT,
                    "EPSS %.4f is at or above the threshold %.4f", finding.epss().epss(), config.epssThreshold()));
        }
        level = switch (verdict) {
            case Verdict.NotAffected ignored -> step(steps, "verdict.not_affected", level,
                    config.provenLevel().get(VerdictKind.NOT_AFFECTED), "proven not affected: " + verdict.reason());
            case Verdict.AlreadyPatched ignored -> step(steps, "verdict.already_patched", level,
                    config.provenLevel().get(VerdictKind.ALREADY_PATCHED), "proven patched: " + verdict.reason());
            case Verdict.LowRisk lowRisk -> {
                String key = lowRisk.fromDistro() ? "low_risk_distro" : "low_risk_context";
                yield step(steps, "verdict." + key, level, level.shift(config.verdictSteps().get(key)),
                        "low risk: " + verdict.reason());
            }
            case Verdict.UpstreamPending ignored -> step(steps, "verdict.upstream_pending", level,
                    level.shift(config.verdictSteps().get("upstream_pending")), "no fix yet: " + verdict.reason());
            case Verdict.Affected ignored -> step(steps, "verdict.affected", level,
                    level.shift(config.verdictSteps().get("affected")), "affected: " + verdict.reason());
        };
        boolean proven = verdict instanceof Verdict.NotAffected || verdict instanceof Verdict.AlreadyPatched;
        if (finding.kev() != null && !proven && !level.atLeast(config.kevFloor())) {
            level = step(steps, "kev.floor", level, config.kevFloor(),
                    "a KEV-listed finding that is not proven patched or not affected stays at "
                            + config.kevFloor().label() + " or above");
        }
        return new Risk(level, steps);
    }

    /** Records a step only when it changes the level, so every listed adjustment is real. */
    private static RiskLevel step(List<RiskAdjustment> steps, String rule, RiskLevel from, RiskLevel to, String reason) {
        if (from != to) {
            steps.add(new RiskAdjustment(rule, from, to, reason));
        }
        return to;
    }
}
