package dev.portcullis.report.overview;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.match.Rating;
import dev.portcullis.report.config.ConfigurationReport;
import dev.portcullis.triage.RiskLevel;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.VerdictKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The security overview of one image: every figure and statement in it is computed from the triaged
 * findings, the Dockerfile, the image config and the configuration findings, so the writers only format.
 *
 * <pre>{@code
 * Overview overview = Overview.of(inventory, triage, dockerfile, configuration, baseImages);
 * overview.byVerdict().get(VerdictKind.AFFECTED); // 2
 * }</pre>
 *
 * @param image the image reference
 * @param byVerdict number of findings per verdict, in verdict order, zero counts included
 * @param byRisk number of findings per risk level, highest first, zero counts included
 * @param bySource number of findings per rating source and severity, such as {@code debian high}
 * @param baseImages the base images with their support status
 * @param build the checks of what the build does
 * @param findings the triaged findings, highest risk first
 * @param configuration the lint of the Dockerfile and the audit of the run settings and the image, as
 *     {@code scan} reports them
 * @param advice the distinct update advice, in order of the findings' risk
 * @param checklist every check of the overview with its outcome
 */
public record Overview(String image, Map<VerdictKind, Integer> byVerdict, Map<RiskLevel, Integer> byRisk,
        Map<String, Integer> bySource, BaseImages baseImages, List<Check> build, List<TriagedFinding> findings, ConfigurationReport configuration,
        List<String> advice, List<Check> checklist) {

    /** Gathers the overview; the Dockerfile is null when none was given. */
    public static Overview of(Inventory inventory, TriageResult triage, Dockerfile dockerfile,
            ConfigurationReport configuration, BaseImages baseImages) {
        ImageConfig config = inventory.image().config() == null ? ImageConfig.empty() : inventory.image().config();
        List<TriagedFinding> findings = triage.findings().stream()
                .sorted(Comparator.comparing((TriagedFinding t) -> t.risk().level())
                        .thenComparing(t -> t.verdict().precedence())
                        .thenComparing(t -> t.finding().pkg().name())
                        .thenComparing(t -> t.finding().id()))
                .toList();
        Map<VerdictKind, Integer> byVerdict = new EnumMap<>(VerdictKind.class);
        Map<RiskLevel, Integer> byRisk = new EnumMap<>(RiskLevel.class);
        for (VerdictKind kind : VerdictKind.values()) {
            byVerdict.put(kind, 0);
        }
        for (RiskLevel level : RiskLevel.values()) {
            byRisk.put(level, 0);
        }
        Map<String, Integer> bySource = new TreeMap<>();
        for (TriagedFinding triaged : findings) {
            byVerdict.merge(triaged.verdict().kind(), 1, Integer::sum);
            byRisk.merge(triaged.risk().level(), 1, Integer::sum);
            Rating rating = triaged.finding().displayed();
            String source = rating == null ? "unrated" : rating.source() + " "
                    + rating.level().name().toLowerCase(Locale.ROOT);
            bySource.merge(source, 1, Integer::sum);
        }
        List<String> advice = new ArrayList<>(new java.util.LinkedHashSet<>(findings.stream()
                .map(TriagedFinding::advice).filter(java.util.Objects::nonNull).toList()));
        String finalBase = dockerfile == null ? null
                : dockerfile.finalStage().flatMap(stage -> stage.baseImage()).orElse(null);
        List<Check> build = BuildChecks.of(dockerfile, config, PackageManager.of(inventory.packages(), finalBase));
        List<Check> checklist = new ArrayList<>();
        checklist.add(baseImages.check());
        checklist.addAll(build);
        checklist.add(FindingChecks.noActionableHighRisk(findings));
        checklist.addAll(FindingChecks.configuration(configuration));
        return new Overview(inventory.image().reference(), byVerdict, byRisk, bySource, baseImages, build, findings, configuration,
                advice, checklist);
    }

    /** Returns the findings with the verdict, highest risk first. */
    public List<TriagedFinding> withVerdict(VerdictKind kind) {
        return findings.stream().filter(t -> t.verdict().kind() == kind).toList();
    }

    /** Returns the sources that rated at least one finding, sorted. */
    public List<String> ratingSources() {
        return List.copyOf(new TreeSet<>(bySource.keySet()));
    }
}
