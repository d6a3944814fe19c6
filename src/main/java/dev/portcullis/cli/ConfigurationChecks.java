package dev.portcullis.cli;

import dev.portcullis.audit.AuditConfig;
import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.Auditor;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.compose.ComposeLoader;
import dev.portcullis.audit.compose.ComposeOptions;
import dev.portcullis.audit.compose.ComposeProject;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.layers.ImageLayerFiles;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.image.Skipped;
import dev.portcullis.image.SourceKind;
import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.Linter;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.dockerfile.ParseException;
import dev.portcullis.lint.rules.RuleCatalog;
import dev.portcullis.lint.shellcheck.ShellCheck;
import dev.portcullis.report.config.ConfigFinding;
import dev.portcullis.report.config.ConfigInput;
import dev.portcullis.report.config.ConfigOrigin;
import dev.portcullis.report.config.ConfigurationReport;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the configuration checks that {@code scan} folds into its report: the lint rules on
 * {@code --dockerfile}, the audit rules on {@code --compose} and {@code --docker-run}, and the image audit
 * on the scanned image. The files and the command line are checked before the image is opened, so an
 * unusable one stops the scan with exit code 2 and no report.
 *
 * <pre>{@code
 * ConfigurationChecks checks = ConfigurationChecks.before(triageOptions, System.getenv());
 * Inventory inventory = new InventoryScanner(options, locator, checks).scan("oci:app");
 * ConfigurationReport report = checks.report();
 * }</pre>
 */
final class ConfigurationChecks implements InventoryScanner.ImageInspection {

    /** The settings file whose {@code secrets.allow} list the audit reads, as {@code portcullis audit} does. */
    static final Path AUDIT_CONFIG = Path.of(".portcullis.yaml");

    private final Auditor auditor;
    private final List<ConfigInput> checked = new ArrayList<>();
    private final List<ConfigFinding> findings = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private Dockerfile dockerfile;

    private ConfigurationChecks(Auditor auditor) {
        this.auditor = auditor;
    }

    /**
     * Lints the Dockerfile and audits the compose files and docker run line that {@code options} name.
     *
     * @param environment the variables that compose files interpolate
     * @throws UsageException naming the file when one cannot be read or parsed
     */
    static ConfigurationChecks before(TriageOptions options, Map<String, String> environment) {
        ConfigurationChecks checks;
        try {
            checks = new ConfigurationChecks(new Auditor(AuditConfig.load(AUDIT_CONFIG)));
            if (options.dockerfile != null) {
                checks.lint(options.dockerfile);
            }
            if (!options.compose.isEmpty()) {
                checks.auditCompose(options.compose, options.service, environment);
            }
            if (options.dockerRun != null) {
                checks.add(ConfigOrigin.DOCKER_RUN,
                        checks.auditor.auditDockerRun(options.dockerRun, SourceLocation.of("--docker-run")));
                checks.checked.add(new ConfigInput(ConfigOrigin.DOCKER_RUN, "--docker-run"));
            }
        } catch (AuditInputException e) {
            throw new UsageException(e.getMessage(), e);
        }
        return checks;
    }

    @Override
    public FileRequest request() {
        return ImageLayerFiles.request();
    }

    /** Audits the image config, build history and layers. A root filesystem or project folder has none to audit. */
    @Override
    public void inspect(OpenedImage image, Inventory inventory) {
        ImageMetadata metadata = inventory.image();
        if (metadata.kind() == SourceKind.ROOTFS || metadata.kind() == SourceKind.PROJECT) {
            skipped.add(new Skipped(metadata.reference(), "a " + (metadata.kind() == SourceKind.ROOTFS
                    ? "root filesystem" : "project") + " folder has no image config or layers, so the image"
                    + " audit did not run"));
            return;
        }
        add(ConfigOrigin.IMAGE, auditor.auditImage(metadata, new ImageLayerFiles(image)));
        checked.add(new ConfigInput(ConfigOrigin.IMAGE, metadata.reference()));
    }

    /** Returns the parsed {@code --dockerfile}, or null when none was given. */
    Dockerfile dockerfile() {
        return dockerfile;
    }

    /** Returns the findings gathered so far; after the scan they include the image audit. */
    ConfigurationReport report() {
        return new ConfigurationReport(checked, findings, skipped);
    }

    private void lint(Path file) {
        LintConfig config;
        try {
            config = LintCommand.nearestConfig(file);
            dockerfile = new DockerfileReader().read(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("--dockerfile " + file + ": file not found; pass the path of a Dockerfile", e);
        } catch (IOException e) {
            throw new UsageException("cannot read Dockerfile " + file + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new UsageException("invalid Dockerfile " + e.getMessage() + "; fix the file or leave it out of"
                    + " the scan", e);
        }
        Optional<ShellCheck> shellcheck = ShellCheck.onPath();
        if (shellcheck.isEmpty()) {
            skipped.add(new Skipped(file.toString(), "RUN scripts were checked by the lint rules alone, because"
                    + " shellcheck is not on the PATH"));
        }
        new Linter(RuleCatalog.all(), shellcheck).lint(dockerfile, config)
                .forEach(finding -> findings.add(ConfigFinding.ofLint(finding)));
        checked.add(new ConfigInput(ConfigOrigin.DOCKERFILE, file.toString()));
    }

    /** Audits the compose service named by {@code service}, or every service when it is null. */
    private void auditCompose(List<Path> files, String service, Map<String, String> environment)
            throws AuditInputException {
        ComposeProject project = new ComposeLoader(new ComposeOptions(environment, null, Set.of())).load(files);
        List<ContainerSpec> services = project.services();
        if (service != null) {
            services = services.stream().filter(spec -> spec.name().equals(service)).toList();
            if (services.isEmpty()) {
                throw new UsageException("compose service '" + service + "' not found in " + files + "; services: "
                        + String.join(", ", project.services().stream().map(ContainerSpec::name).toList()));
            }
        }
        add(ConfigOrigin.COMPOSE, auditor.auditServices(project, services));
        files.forEach(file -> checked.add(new ConfigInput(ConfigOrigin.COMPOSE, file.toString())));
    }

    private void add(ConfigOrigin origin, AuditResult result) {
        result.findings().forEach(finding -> findings.add(ConfigFinding.ofAudit(origin, finding)));
        for (AuditWarning warning : result.warnings()) {
            skipped.add(new Skipped(warning.location().toString(), warning.message()));
        }
    }
}
