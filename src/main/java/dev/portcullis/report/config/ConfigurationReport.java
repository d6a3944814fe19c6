package dev.portcullis.report.config;

import dev.portcullis.audit.Severity;
import dev.portcullis.image.Skipped;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration section of a scan report: the Dockerfile lint and the audit of the compose file,
 * docker run line and image, folded into one list.
 *
 * <pre>{@code
 * ConfigurationReport report = new ConfigurationReport(List.of(new ConfigInput(ConfigOrigin.IMAGE, "oci:app")), findings, List.of());
 * report.anyAtOrAbove(Severity.MEDIUM); // true when a finding is medium, high or critical
 * }</pre>
 *
 * @param checked each input that was checked
 * @param findings the findings, ordered by origin, file, line and rule id
 * @param skipped the parts of the inputs that were not checked, and why
 */
public record ConfigurationReport(List<ConfigInput> checked, List<ConfigFinding> findings, List<Skipped> skipped) {

    private static final Comparator<ConfigFinding> ORDER = Comparator.comparing(ConfigFinding::origin)
            .thenComparing(ConfigFinding::file)
            .thenComparingInt(ConfigFinding::line)
            .thenComparing(ConfigFinding::ruleId)
            .thenComparing(ConfigFinding::message);

    public ConfigurationReport {
        checked = List.copyOf(checked);
        findings = findings.stream().sorted(ORDER).toList();
        skipped = List.copyOf(skipped);
    }

    /** Returns the number of findings per severity, highest first, zero counts included. */
    public Map<Severity, Long> countBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, findings.stream().filter(finding -> finding.severity() == severity).count());
        }
        return counts;
    }

    /** Returns true when an input of this kind was checked. */
    public boolean checked(ConfigOrigin origin) {
        return checked.stream().anyMatch(input -> input.origin() == origin);
    }

    /** Returns the findings read from inputs of this kind. */
    public List<ConfigFinding> findings(ConfigOrigin origin) {
        return findings.stream().filter(finding -> finding.origin() == origin).toList();
    }

    /** Returns true when at least one finding is at or above {@code threshold}. */
    public boolean anyAtOrAbove(Severity threshold) {
        return findings.stream().anyMatch(finding -> finding.severity().isAtLeast(threshold));
    }
}
