package dev.portcullis.cli;

import dev.portcullis.lint.Finding;
import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.LintConfigLoader;
import dev.portcullis.lint.LintJob;
import dev.portcullis.lint.LintResult;
import dev.portcullis.lint.Linter;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.Severity;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.dockerfile.ParseException;
import dev.portcullis.lint.format.GitLabFormatter;
import dev.portcullis.lint.format.JsonFormatter;
import dev.portcullis.lint.format.SarifFormatter;
import dev.portcullis.lint.format.TableFormatter;
import dev.portcullis.lint.rules.RuleCatalog;
import dev.portcullis.lint.shellcheck.ShellCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis lint DOCKERFILE...}: checks Dockerfiles against the lint rules.
 * Exit codes: 0 no finding at or above {@code --fail-on}, 1 such findings, 2 unusable input.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check Dockerfiles for security and build problems (Hadolint DL rules and more).")
public final class LintCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LintCommand.class);
    private static final String CONFIG_NAME = ".portcullis.yaml";

    /** Output formats of the lint command. */
    enum Format { table, json, sarif, gitlab }

    /** Whether RUN scripts go through shellcheck. */
    enum ShellCheckMode { auto, off }

    @Parameters(arity = "1..*", paramLabel = "DOCKERFILE", description = "Dockerfiles to check.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "warning",
            description = "Exit with 1 when a finding has this severity or a higher one: error, warning, info or style (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Lint configuration (default: the nearest .portcullis.yaml in the Dockerfile's folder or a folder above it).")
    Path config;

    @Option(names = "--shellcheck", defaultValue = "auto", paramLabel = "MODE",
            description = "auto: check RUN scripts with shellcheck when it is on the PATH; off: never (default: ${DEFAULT-VALUE}).")
    ShellCheckMode shellcheck;

    @Option(names = "--target", paramLabel = "STAGE",
            description = "Lint as if building this stage (name or index): it becomes the final stage and later stages are ignored.")
    String target;

    @Mixin
    OutputOptions output;

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        logging.apply();
        Severity threshold = parseThreshold();
        LintConfig explicitConfig = config == null ? null : loadConfig(config);

        List<Rule> rules = RuleCatalog.all();
        Optional<ShellCheck> program = shellcheck == ShellCheckMode.off ? Optional.empty() : ShellCheck.onPath();
        if (shellcheck == ShellCheckMode.auto && program.isEmpty()) {
            LOG.info("shellcheck is not on the PATH, so RUN scripts are checked by the lint rules alone");
        }
        Linter linter = new Linter(rules, program);
        DockerfileReader reader = new DockerfileReader();
        List<LintJob> jobs = new ArrayList<>();
        for (Path file : files) {
            LintConfig lintConfig = explicitConfig != null ? explicitConfig : nearestConfig(file);
            jobs.add(new LintJob(read(reader, file), lintConfig));
        }

        List<List<Finding>> findings = linter.lintAll(jobs);
        List<LintResult> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            results.add(new LintResult(files.get(i).toString(), findings.get(i)));
        }

        String report = switch (format) {
            case table -> new TableFormatter().format(results);
            case json -> new JsonFormatter().format(results);
            case sarif -> new SarifFormatter(rules.stream().map(Rule::info).toList(), version()).format(results);
            case gitlab -> new GitLabFormatter().format(results);
        };
        output.writeText(spec.commandLine().getOut(), out -> out.write(report));
        boolean failing = results.stream().flatMap(result -> result.findings().stream())
                .map(Finding::severity).anyMatch(severity -> severity.atLeast(threshold));
        return failing ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private Severity parseThreshold() {
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Reads one Dockerfile and cuts it at {@code --target} when given. */
    private Dockerfile read(DockerfileReader reader, Path file) {
        Dockerfile dockerfile;
        try {
            dockerfile = reader.read(file);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": file not found; pass the path of a Dockerfile", e);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read the file (" + e.getMessage() + "); check its permissions", e);
        }
        if (target == null) {
            return dockerfile;
        }
        return dockerfile.withTarget(target).orElseThrow(() -> new UsageException(file + ": no stage named " + target
                + "; use one of " + dockerfile.stageNames() + " or a stage index from 0 to "
                + (dockerfile.stages().size() - 1)));
    }

    private static LintConfig loadConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": configuration file not found; check the --config path");
        }
        return loadConfigFile(file);
    }

    /** Loads the nearest {@code .portcullis.yaml} in the Dockerfile's folder or a folder above it, or the defaults. */
    static LintConfig nearestConfig(Path dockerfile) {
        Path folder = dockerfile.toAbsolutePath().normalize().getParent();
        while (folder != null) {
            Path candidate = folder.resolve(CONFIG_NAME);
            if (Files.isRegularFile(candidate)) {
                LOG.debug("Using the lint configuration {} for {}", candidate, dockerfile);
                return loadConfigFile(candidate);
            }
            folder = folder.getParent();
        }
        return LintConfig.defaults();
    }

    private static LintConfig loadConfigFile(Path file) {
        try {
            return new LintConfigLoader().load(file);
        } catch (LintConfigLoader.InvalidConfigException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException("cannot read the lint configuration " + file + " (" + e.getMessage()
                    + "); check its permissions", e);
        }
    }

    private static String version() {
        String version = LintCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
