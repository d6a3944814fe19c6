package dev.portcullis.cli;

import dev.portcullis.audit.AuditConfig;
import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.Auditor;
import dev.portcullis.audit.Severity;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.compose.ComposeOptions;
import dev.portcullis.audit.layers.ImageLayerFiles;
import dev.portcullis.audit.output.AuditFormat;
import dev.portcullis.audit.output.AuditWriter;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.OpenedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code portcullis audit}: audits compose files, docker run command lines and a daemon.json for insecure
 * run settings, and images for secrets in their config, history and layers, setuid files and world-writable
 * folders. Exit codes: 0 no finding at or above {@code --fail-on}, 1 findings at or above it, 2 an input
 * that cannot be audited.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit compose files, docker run command lines, a Docker daemon.json and images for"
                + " insecure container settings and secrets.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
            "2:an input cannot be audited (invalid YAML, missing required variable, unreadable image,"
                    + " bad usage)"})
public final class AuditCommand implements Callable<Integer> {

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

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "An image to audit: its config, its build history and every layer, files that later"
                    + " layers delete included. Same IMAGE forms as scan. Repeatable.")
    private List<String> images = new ArrayList<>();

    @Mixin
    ImageOptionsMixin imageOptions;

    @Mixin
    OutputOptions output;

    @Mixin
    LoggingOptions logging;

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
    public Integer call() throws IOException, ImageException {
        logging.apply();
        if (composeFiles.isEmpty() && dockerRuns.isEmpty() && dockerRunFile == null && daemonConfig == null
                && images.isEmpty()) {
            throw new UsageException("nothing to audit: give COMPOSE_FILE, --docker-run, --docker-run-file,"
                    + " --daemon-config or --image");
        }
        AuditResult result;
        try {
            result = audit(new Auditor(AuditConfig.load(configFile)));
        } catch (AuditInputException e) {
            throw new UsageException(e.getMessage(), e);
        }
        output.writeText(spec.commandLine().getOut(), out -> AuditWriter.of(format).write(result, out));
        return result.hasFindingsAtLeast(failOn) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private AuditResult audit(Auditor auditor) throws AuditInputException, ImageException {
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
        for (String image : images) {
            result = result.merge(auditImage(auditor, image));
        }
        return result;
    }

    private AuditResult auditImage(Auditor auditor, String reference) throws ImageException {
        ImageLocator.Located located = imageOptions.toLocator().locate(reference);
        ImageOpener opener = new ImageOpener(imageOptions.toImageOptions(LayerProgress.forTerminal(logging.quiet())));
        try (OpenedImage image = opener.openWithLayerEntries(located.localReference(), ImageLayerFiles.request())) {
            ImageMetadata read = image.metadata();
            // Findings name the IMAGE argument, not the cache folder a registry image was pulled into.
            ImageMetadata named = new ImageMetadata(reference, read.kind(), read.manifestDigest(), read.configDigest(),
                    read.tags(), read.config(), read.layers());
            return auditor.auditImage(named, new ImageLayerFiles(image));
        }
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
