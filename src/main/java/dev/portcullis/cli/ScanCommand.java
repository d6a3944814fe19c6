package dev.portcullis.cli;

import dev.portcullis.audit.Severity;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.Skipped;
import dev.portcullis.match.Level;
import dev.portcullis.match.MatchResult;
import dev.portcullis.report.Plural;
import dev.portcullis.report.config.ConfigurationReport;
import dev.portcullis.report.table.FindingOrder;
import dev.portcullis.triage.RiskLevel;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portcullis scan IMAGE}: catalogs the image and, when a vulnerability database is present,
 * matches and triages its findings, then prints the triaged report or, without a database, the
 * inventory. Either report also carries the configuration findings: the lint of {@code --dockerfile}
 * and the audit of {@code --compose}, {@code --docker-run} and the image itself. With {@code --server} the
 * scan is uploaded to a Portcullis server after the report is written.
 */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Catalog, match and triage the packages of an image, and check its configuration.",
            "",
            "Catalogs the packages of an image, matches them against the local vulnerability database, triages "
                    + "the findings with evidence and prints the report. With no database the packages are listed "
                    + "alone. The report also lists the configuration findings of the image (user, healthcheck, "
                    + "secrets in its history and layers), of --dockerfile (the lint rules) and of --compose and "
                    + "--docker-run (the audit rules). With --server the result is then uploaded to a Portcullis"
                    + " server."
        })
final class ScanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IMAGE", description = "The image to scan (see 'portcullis --help').")
    String image;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = ScanFormat.Converter.class,
            completionCandidates = ScanFormat.Labels.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table on a terminal, json otherwise)."
                    + " openvex, cyclonedx-vex and sarif need a vulnerability database.")
    ScanFormat format;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "severity",
            description = "Order of the findings table without triage: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}).")
    FindingOrder sort;

    @Option(names = "--fail-on-config", paramLabel = "SEVERITY", converter = AuditCommand.SeverityConverter.class,
            description = "Exit with 1 when a configuration finding is SEVERITY or higher: critical, high, medium,"
                    + " low or info, the scale of 'portcullis audit'. Lint findings count as error = high,"
                    + " warning = medium, info = low, style = info.")
    Severity failOnConfig;

    @Mixin
    final ScanMixin shared;

    @Mixin
    final ServerUploadOptions upload = new ServerUploadOptions();

    ScanCommand() {
        this.shared = new ScanMixin();
    }

    /** Creates the command with a fixed environment, home folder and clock, for tests. */
    ScanCommand(Map<String, String> environment, Path home, Clock clock, PrintStream err) {
        this.shared = new ScanMixin(environment, home, clock, err);
    }

    @Override
    public Integer call() throws Exception {
        shared.logging.apply();
        ScanFormat chosen = format != null ? format : shared.output.toTerminal() ? ScanFormat.TABLE : ScanFormat.JSON;
        ScanOutput output = new ScanOutput(chosen, sort);
        rejectNetworkWhenOffline();
        String apiKey = upload.apiKey(shared.environment());
        rejectGateWithoutMatching();
        ConfigurationChecks checks = ConfigurationChecks.before(shared.triageOptions, shared.environment());
        DockerRunLine.require(shared.triageOptions);
        try (DatabaseOpener opener = shared.databaseOpener()) {
            Optional<VulnDatabase> database = opener.open(shared.logging.quiet(), gateName());
            if (database.isEmpty()) {
                if (chosen.needsTriage()) {
                    throw new UsageException("format " + chosen + " reports triaged findings and needs a"
                            + " vulnerability database; run `portcullis db update` or pass --db");
                }
                Inventory inventory = shared.scanner(checks).scan(image);
                ScanReport report = new ScanReport(inventory, null, checks.report());
                shared.output.write(out -> output.writeInventory(report, out));
                return uploadThen(inventory, apiKey, configurationGate(report.configuration()));
            }
            try (VulnDatabase db = database.get()) {
                TriageRunner.Outcome outcome = shared.triageRunner().run(shared.scanner(checks), image, db);
                Inventory inventory = withMatchSkipped(outcome.inventory(), outcome.matches());
                ScanReport report = new ScanReport(inventory, outcome.matches(), checks.report());
                shared.output.write(out -> output.writeTriaged(report, outcome.triage(), out));
                int vulnerabilities = vulnerabilityGate(outcome.triage());
                return uploadThen(inventory, apiKey, vulnerabilities != ExitCode.OK
                        ? vulnerabilities : configurationGate(report.configuration()));
            }
        }
    }

    private void rejectNetworkWhenOffline() {
        if (!shared.databaseOptions.offline) {
            return;
        }
        if (ImageLocator.isRegistryReference(image)) {
            throw new UsageException(image + " is a registry reference, which --offline rules out: copy the image"
                    + " to a folder first (for example `skopeo copy docker://" + image + " oci:image:latest`) and"
                    + " scan that, or leave out --offline");
        }
        if (upload.server != null) {
            throw new UsageException("--server uploads over the network, which --offline rules out; leave out one"
                    + " of the two");
        }
    }

    /**
     * Uploads the scan when {@code --server} was given, after the report was written, and returns the
     * upload's exit code when it failed, else {@code gateExitCode}. A failed upload throws a
     * {@link UsageException} (exit 2) for an unreachable server or HTTP 4xx, with the report already written.
     */
    private int uploadThen(Inventory inventory, String apiKey, int gateExitCode) throws InterruptedException {
        if (apiKey == null) {
            return gateExitCode;
        }
        int uploaded = upload.upload(inventory, apiKey, shared.logging.quiet(), shared.err());
        return uploaded != ExitCode.OK ? uploaded : gateExitCode;
    }

    /** Returns the option name of the vulnerability gate that was given, or null for none. */
    private String gateName() {
        if (shared.triageOptions.failOn != null) {
            return "--fail-on";
        }
        return shared.triageOptions.failOnSeverity != null ? "--fail-on-severity" : null;
    }

    private void rejectGateWithoutMatching() {
        if (gateName() != null && shared.databaseOptions.skipDatabase) {
            throw new UsageException(gateName() + " fails on matched vulnerabilities, and --skip-db turns matching"
                    + " off; leave out one of the two");
        }
    }

    private int vulnerabilityGate(TriageResult triage) {
        RiskLevel failOn = shared.triageOptions.failOn;
        if (failOn != null && triage.anyAtOrAbove(failOn)) {
            long count = triage.findings().stream().filter(f -> f.risk().level().atLeast(failOn)).count();
            return tripped("--fail-on " + failOn.name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + Plural.of(count, "finding") + " at or above that risk");
        }
        Level severity = shared.triageOptions.failOnSeverity;
        if (severity != null) {
            long count = triage.findings().stream().filter(f -> f.finding().level() != Level.UNKNOWN
                    && f.finding().level().ordinal() <= severity.ordinal()).count();
            if (count > 0) {
                return tripped("--fail-on-severity " + severity.word() + ": " + Plural.of(count, "finding")
                        + " at or above that severity");
            }
        }
        return ExitCode.OK;
    }

    private int configurationGate(ConfigurationReport configuration) {
        boolean failed = failOnConfig != null && configuration.anyAtOrAbove(failOnConfig);
        return failed ? tripped("--fail-on-config " + failOnConfig.name().toLowerCase(java.util.Locale.ROOT)
                + ": configuration findings at or above that severity") : ExitCode.OK;
    }

    /** Says on stderr which gate failed the scan, so a CI log shows why the exit code is 1. */
    private int tripped(String gate) {
        if (!shared.logging.quiet()) {
            shared.err().println("portcullis: " + gate + ", so the exit code is 1");
        }
        return ExitCode.FINDINGS;
    }

    // Records that could not be compared join the inventory's skipped list, so every format reports them.
    private static Inventory withMatchSkipped(Inventory inventory, MatchResult matches) {
        if (matches == null || matches.skipped().isEmpty()) {
            return inventory;
        }
        List<Skipped> skipped = new ArrayList<>(inventory.skipped());
        skipped.addAll(matches.skipped());
        return new Inventory(inventory.image(), inventory.distro(), inventory.packages(), skipped, inventory.scannedAt(),
                inventory.toolVersion(), inventory.dependencies());
    }
}
