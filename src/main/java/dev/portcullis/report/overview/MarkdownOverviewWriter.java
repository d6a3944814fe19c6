package dev.portcullis.report.overview;

import dev.portcullis.report.Plural;
import dev.portcullis.report.config.ConfigFinding;
import dev.portcullis.report.config.ConfigOrigin;
import dev.portcullis.report.config.ConfigurationReport;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.VerdictKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the security overview as GitHub-flavored Markdown, one section per question: the base
 * image's support status, why the warnings appear, what the build does, the findings by verdict, runtime hardening, the risk table,
 * update advice and the checklist.
 *
 * @see <a href="https://github.github.com/gfm/">GitHub Flavored Markdown</a>
 */
public final class MarkdownOverviewWriter {

    public void write(Overview overview, OutputStream out) throws IOException {
        out.write(render(overview).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public String render(Overview overview) {
        StringBuilder md = new StringBuilder();
        md.append("# Security overview: ").append(overview.image()).append("\n\n");
        baseImages(overview, md);
        warnings(overview, md);
        build(overview, md);
        findings(overview, md);
        runtime(overview, md);
        riskTable(overview, md);
        advice(overview, md);
        checklist(overview, md);
        return md.toString();
    }

    private static void baseImages(Overview overview, StringBuilder md) {
        md.append("## Base image\n\n").append(overview.baseImages().introduction()).append("\n\n");
        for (BaseImageEntry entry : overview.baseImages().entries()) {
            md.append("### ").append(entry.heading()).append("\n\n");
            entry.items().forEach(item -> md.append("- ").append(item.label()).append(": ").append(item.text()).append('\n'));
            md.append('\n');
        }
    }

    private static void warnings(Overview overview, StringBuilder md) {
        md.append("## Why the warnings appear\n\n");
        md.append("The scan matched ").append(Plural.of(overview.findings().size(), "finding"))
                .append(". Each count below is the number of findings per rating source and severity.\n\n");
        md.append("| Source and severity | Findings |\n|---|---:|\n");
        overview.bySource().forEach((source, count) -> md.append("| ").append(source).append(" | ").append(count)
                .append(" |\n"));
        md.append("\nTriage gives each finding one verdict and one risk level.\n\n");
        md.append("| Verdict | Findings |\n|---|---:|\n");
        overview.byVerdict().forEach((kind, count) -> md.append("| ").append(kind.label()).append(" | ").append(count)
                .append(" |\n"));
        md.append("\n| Risk level | Findings |\n|---|---:|\n");
        overview.byRisk().forEach((level, count) -> md.append("| ").append(level.label()).append(" | ").append(count)
                .append(" |\n"));
        md.append('\n');
    }

    private static void build(Overview overview, StringBuilder md) {
        md.append("## What the build does\n\n| Check | Status | Evidence |\n|---|---|---|\n");
        for (Check check : overview.build()) {
            md.append("| ").append(check.name()).append(" | ").append(check.status().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(cell(check.evidence())).append(" |\n");
        }
        md.append('\n');
        if (overview.configuration().checked(ConfigOrigin.DOCKERFILE)) {
            md.append("### Dockerfile lint\n\n");
            findingTable(overview.configuration().findings(ConfigOrigin.DOCKERFILE),
                    "The lint rules found nothing to fix in the Dockerfile.", md);
        }
    }

    private static void findings(Overview overview, StringBuilder md) {
        md.append("## Findings by verdict\n\n");
        for (VerdictKind kind : VerdictKind.values()) {
            List<TriagedFinding> findings = overview.withVerdict(kind);
            if (findings.isEmpty()) {
                continue;
            }
            md.append("### ").append(kind.label()).append(" (").append(findings.size()).append(")\n\n");
            for (TriagedFinding triaged : findings) {
                md.append("- **").append(triaged.finding().id()).append("** in ").append(triaged.finding().pkg().name())
                        .append(' ').append(triaged.finding().installedVersion()).append(", risk ")
                        .append(triaged.risk().level().label()).append(": ").append(triaged.verdict().reason())
                        .append('\n');
                for (Evidence evidence : triaged.evidence()) {
                    md.append("  - ").append(evidence.decided() ? "deciding " : "").append(evidence.kind().name()
                            .toLowerCase(Locale.ROOT)).append(" (").append(evidence.source()).append("): ")
                            .append(evidence.fact()).append('\n');
                }
            }
            md.append('\n');
        }
    }

    private static void runtime(Overview overview, StringBuilder md) {
        ConfigurationReport configuration = overview.configuration();
        md.append("## Runtime hardening\n\n### Run settings\n\n");
        if (!configuration.checked(ConfigOrigin.COMPOSE) && !configuration.checked(ConfigOrigin.DOCKER_RUN)) {
            md.append("Not audited, because no compose file or docker run command was given (--compose,"
                    + " --docker-run). The image config shows:\n\n");
            for (Check check : overview.build()) {
                if (check.fix() != null && check.status() == CheckStatus.FAILED) {
                    md.append("- ").append(check.name()).append(": ").append(check.evidence()).append("; fix: ")
                            .append(check.fix()).append('\n');
                }
            }
            md.append('\n');
        } else {
            List<ConfigFinding> findings = new ArrayList<>(configuration.findings(ConfigOrigin.COMPOSE));
            findings.addAll(configuration.findings(ConfigOrigin.DOCKER_RUN));
            findingTable(findings, "The audit of the run settings found nothing to fix.", md);
        }
        md.append("### Image audit\n\n");
        if (configuration.checked(ConfigOrigin.IMAGE)) {
            findingTable(configuration.findings(ConfigOrigin.IMAGE),
                    "The audit of the image config, history and layers found nothing to fix.", md);
        } else {
            md.append("Not audited: the image has no config or layers to read.\n\n");
        }
    }

    private static void findingTable(List<ConfigFinding> findings, String none, StringBuilder md) {
        if (findings.isEmpty()) {
            md.append(none).append("\n\n");
            return;
        }
        md.append("| Rule | Severity | Where | Found | Fix |\n|---|---|---|---|---|\n");
        for (ConfigFinding finding : findings) {
            md.append("| ").append(finding.ruleId()).append(" | ").append(finding.severity().label())
                    .append(" | ").append(cell(finding.location())).append(" | ")
                    .append(cell(finding.message())).append(" | ").append(cell(finding.fix())).append(" |\n");
        }
        md.append('\n');
    }

    private static void riskTable(Overview overview, StringBuilder md) {
        md.append("## Risk table\n\n| Type | ID | Package | Severity | Risk level | Status |\n|---|---|---|---|---|---|\n");
        for (TriagedFinding triaged : overview.findings()) {
            md.append("| ").append(triaged.finding().pkg().type().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(triaged.finding().id()).append(" | ").append(triaged.finding().pkg().name()).append(" | ")
                    .append(triaged.finding().level().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(triaged.risk().level().label()).append(" | ").append(triaged.verdict().kind().label())
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void advice(Overview overview, StringBuilder md) {
        md.append("## Update advice\n\n");
        if (overview.advice().isEmpty()) {
            md.append("No finding has a released fix to apply.\n");
        }
        overview.advice().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');
    }

    private static void checklist(Overview overview, StringBuilder md) {
        md.append("## Checklist\n\n");
        for (Check check : overview.checklist()) {
            md.append(check.status() == CheckStatus.PASSED ? "- [x] " : "- [ ] ").append(check.name())
                    .append(check.status() == CheckStatus.UNKNOWN ? " (unknown)" : "").append(": ")
                    .append(check.evidence());
            if (check.fix() != null && check.status() == CheckStatus.FAILED) {
                md.append(". Fix: ").append(check.fix());
            }
            md.append('\n');
        }
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
