package dev.portcullis.cli;

import dev.portcullis.audit.AuditConfig;
import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.Auditor;
import dev.portcullis.audit.Severity;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.compose.ComposeOptions;
import dev.portcullis.audit.output.AuditFormat;
import dev.portcullis.audit.output.AuditWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code portcullis audit}: audits compose files, docker run command lines and a daemon.json for insecure
 * run settings. Exit codes: 0 no finding at or above {@code --fail-on}, 1 findings at or above it, 2 an input
 * that cannot be audited.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit compose files, docker run command lines and a Docker daemon.json for insecure"
                + " container settings and secrets.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
            "2:an input cannot be audited (invalid YAML, missing required variable, bad usage)"})
public final class AuditCommand implements Callable<Integer> {

    static final int EXIT_FINDINGS = 1;
    static final int EXIT_UNUSABLE_INPUT = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "COMPOSE_FILE", arity = "0..*",
            description = "Compose files, merged in order as docker compose -f does.")
    private List<Path> composeFiles = new ArrayList<>();

    @Option(names = "--docker-run", paramLabel = "COMMAND",
            description = "A docker run command line to audit, quoted as one argument. Repeatable.")
    private List<String> dockerRuns = new ArrayList<>();

    @Option(names = "--docker-run-file", paramLabel = "FILE",
            description = "A shell script or text file whose docker run commands are audited.")
    private Path dockerRunFile;

    @Option(names = "--daemon-config", paramLabel = "FILE", description = "A Docker daemon.json to audit.")
    private Path daemonConfig;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "Output format: table, json or sarif (default: ${DEFAULT-VALUE}).")
    private AuditFormat format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low", converter = SeverityConverter.class,
            description = "Exit with 1 when a finding has this severity or a higher one: critical, high, medium,"
                    + " low or info (default: ${DEFAULT-VALUE}).")
    private Severity failOn;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Variables for compose interpolation, in place of the .env file beside the first file.")
    private Path envFile;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Audit only services without profiles or with this profile. Repeatable; without it"
                    + " every service is audited.")
    private List<String> profiles = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", defaultValue = ".portcullis.yaml",
            description = "Settings file; its secrets.allow list names values that are not secrets"
                    + " (default: ${DEFAULT-VALUE}, when present).")
    private Path configFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (composeFiles.isEmpty() && dockerRuns.isEmpty() && dockerRunFile == null && daemonConfig == null) {
            err.println("portcullis audit: nothing to audit: give COMPOSE_FILE, --docker-run, --docker-run-file"
                    + " or --daemon-config");
            return EXIT_UNUSABLE_INPUT;
        }
        AuditResult result;
        try {
            result = audit(new Auditor(AuditConfig.load(configFile)));
        } catch (AuditInputException e) {
            err.println("portcullis audit: " + e.getMessage());
            return EXIT_UNUSABLE_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        AuditWriter.of(format).write(result, out);
        out.flush();
        return result.hasFindingsAtLeast(failOn) ? EXIT_FINDINGS : 0;
    }

    private AuditResult audit(Auditor auditor) throws AuditInputException {
        AuditResult result = new AuditResult(List.of(), List.of());
        if (!composeFiles.isEmpty()) {
            ComposeOptions options = new ComposeOptions(Map.copyOf(System.getenv()), envFile, new HashSet<>(profiles));
            result = result.merge(auditor.auditCompose(composeFiles, options));
        }
        for (String commandLine : dockerRuns) {
            result = result.merge(auditor.auditDockerRun(commandLine, SourceLocation.of("<command line>")));
        }
        if (dockerRunFile != null) {
            result = result.merge(auditor.auditDockerRunFile(dockerRunFile));
        }
        if (daemonConfig != null) {
            result = result.merge(auditor.auditDaemonConfig(daemonConfig));
        }
        return result;
    }

    static final class SeverityConverter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FormatConverter implements ITypeConverter<AuditFormat> {
        @Override
        public AuditFormat convert(String value) {
            try {
                return AuditFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("invalid format '" + value + "': expected table, json or sarif");
            }
        }
    }
}
