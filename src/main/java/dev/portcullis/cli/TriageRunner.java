package dev.portcullis.cli;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.compose.ComposeLoader;
import dev.portcullis.audit.compose.ComposeOptions;
import dev.portcullis.audit.compose.ComposeProject;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.dockerrun.DockerRunCommand;
import dev.portcullis.audit.dockerrun.DockerRunParser;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageException;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.dockerfile.ParseException;
import dev.portcullis.match.MatchResult;
import dev.portcullis.match.Matcher;
import dev.portcullis.triage.AdvisoryLookup;
import dev.portcullis.triage.RiskModel;
import dev.portcullis.triage.RiskModelConfig;
import dev.portcullis.triage.Triage;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.collect.BackportCollector;
import dev.portcullis.triage.collect.DeploymentFacts;
import dev.portcullis.triage.collect.ReachabilityCollector;
import dev.portcullis.triage.reachability.ReachabilityAnalyzer;
import dev.portcullis.triage.reachability.ReachabilityOptions;
import dev.portcullis.triage.reachability.ReachabilityReport;
import dev.portcullis.triage.vex.DecisionsReader;
import dev.portcullis.triage.vex.VexDocuments;
import dev.portcullis.triage.vex.VexException;
import dev.portcullis.triage.vex.VexStatement;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scan through matching and triage: reads the VEX documents, decisions and Dockerfile first, so
 * that a bad one stops the command before the image is read, then catalogs, matches and triages while
 * the image is still open.
 */
final class TriageRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TriageRunner.class);

    /** The inventory, its findings and their triage. */
    record Outcome(Inventory inventory, MatchResult matches, TriageResult triage) {}

    private final TriageOptions options;
    private final Clock clock;
    private final Map<String, String> environment;

    /** Creates a runner whose compose files interpolate variables from {@code environment}. */
    TriageRunner(TriageOptions options, Clock clock, Map<String, String> environment) {
        this.options = options;
        this.clock = clock;
        this.environment = environment;
    }

    /** Catalogs, matches and triages the image against the open database. */
    Outcome run(InventoryScanner scanner, String reference, VulnDatabase database) throws ImageException {
        return run(scanner, reference, database::byId, inventory -> new Matcher(database).match(inventory));
    }

    /**
     * Catalogs the image and triages the findings {@code findings} gives for its inventory, such as those
     * of another scanner's report.
     */
    Outcome run(InventoryScanner scanner, String reference, AdvisoryLookup advisories,
            Function<Inventory, MatchResult> findings) throws ImageException {
        List<VexStatement> statements = statements(reference);
        Dockerfile dockerfile = dockerfile();
        RiskModel riskModel = riskModel();
        Optional<Deployment> deployment = deployment();
        FileRequest request = BackportCollector.FILES.or(ReachabilityAnalyzer.fileRequest());
        return scanner.scan(reference, request, (image, inventory) -> {
            MatchResult matches = findings.apply(inventory);
            ImageConfig config = inventory.image().config() == null ? ImageConfig.empty() : inventory.image().config();
            DeploymentFacts facts = deployment
                    .map(d -> DeploymentFacts.of(d.source(), d.container(), config))
                    .orElse(null);
            TriageContext context = new TriageContext(inventory.image(), inventory.distro(), image.files(),
                    advisories, dockerfile, facts);
            ReachabilityReport reachability = new ReachabilityAnalyzer(ReachabilityOptions.defaults())
                    .analyze(image.files(), config, inventory.packages());
            reachability.warnings().forEach(warning -> LOG.debug("Reachability: {}", warning));
            TriageResult result = Triage.standard(riskModel, statements, LocalDate.now(clock))
                    .with(new ReachabilityCollector(reachability))
                    .triage(matches.findings(), context);
            return new Outcome(inventory, matches, result);
        });
    }

    /** Reads every --vex file, then .portcullis/ beside a scanned project folder and beside the Dockerfile. */
    private List<VexStatement> statements(String reference) {
        List<VexStatement> statements = new ArrayList<>();
        try {
            for (Path file : options.vex) {
                statements.addAll(VexDocuments.read(file));
            }
            List<Path> projects = new ArrayList<>();
            Path scanned = Path.of(reference);
            if (Files.isDirectory(scanned) && !Files.exists(scanned.resolve("oci-layout"))) {
                projects.add(scanned.toAbsolutePath().normalize());
            }
            if (options.dockerfile != null) {
                Path parent = options.dockerfile.toAbsolutePath().normalize().getParent();
                if (parent != null && !projects.contains(parent)) {
                    projects.add(parent);
                }
            }
            for (Path project : projects) {
                statements.addAll(VexDocuments.readFolder(project.resolve(".portcullis/vex")));
                Path decisions = project.resolve(".portcullis/decisions.yaml");
                if (Files.isRegularFile(decisions)) {
                    statements.addAll(DecisionsReader.read(decisions));
                }
            }
        } catch (VexException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (java.nio.file.InvalidPathException e) {
            // A registry reference is no path; it has no project folder beside it.
            LOG.debug("{} is not a local path: {}", reference, e.getMessage());
        }
        return statements;
    }

    /** A container's run settings and where they were read. */
    private record Deployment(String source, ContainerSpec container) {}

    /** Reads the compose service or docker run command, or returns empty when neither was given. */
    private Optional<Deployment> deployment() {
        try {
            if (options.dockerRun != null) {
                // DockerRunLine.require has rejected incomplete lines before triage runs.
                DockerRunCommand command = new DockerRunParser().parse(options.dockerRun, DockerRunLine.LOCATION);
                return Optional.of(new Deployment("docker run command", command.container()));
            }
            if (options.compose.isEmpty()) {
                return Optional.empty();
            }
            ComposeProject project = new ComposeLoader(new ComposeOptions(environment, null, Set.of())).load(options.compose);
            List<ContainerSpec> services = project.services();
            String names = String.join(", ", services.stream().map(ContainerSpec::name).toList());
            ContainerSpec chosen;
            if (options.service != null) {
                chosen = services.stream().filter(s -> s.name().equals(options.service)).findFirst()
                        .orElseThrow(() -> new UsageException("compose service '" + options.service + "' not found in "
                                + options.compose + "; services: " + names));
            } else if (services.size() == 1) {
                chosen = services.getFirst();
            } else {
                throw new UsageException(options.compose + " has " + services.size() + " services (" + names
                        + "); name the one that runs the image with --service");
            }
            return Optional.of(new Deployment(options.compose.getFirst().getFileName() + " service " + chosen.name(),
                    chosen));
        } catch (AuditInputException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private Dockerfile dockerfile() {
        if (options.dockerfile == null) {
            return null;
        }
        try {
            return new DockerfileReader().read(options.dockerfile);
        } catch (IOException e) {
            throw new UsageException("cannot read Dockerfile " + options.dockerfile + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new UsageException("invalid Dockerfile " + options.dockerfile + ": " + e.getMessage(), e);
        }
    }

    private RiskModel riskModel() {
        if (options.riskModel == null) {
            return RiskModel.defaults();
        }
        try {
            return new RiskModel(RiskModelConfig.read(options.riskModel));
        } catch (IOException e) {
            throw new UsageException("cannot read risk model " + options.riskModel + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
