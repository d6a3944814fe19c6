package dev.portcullis.cli;

import dev.portcullis.lint.Finding;
import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.LintConfigLoader;
import dev.portcullis.lint.LintResult;
import dev.portcullis.lint.Linter;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.Severity;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.dockerfile.ParseException;
import dev.portcullis.lint.format.JsonFormatter;
import dev.portcullis.lint.format.SarifFormatter;
import dev.portcullis.lint.format.TableFormatter;
import dev.portcullis.lint.rules.RuleCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    static final int EXIT_FINDINGS = 1;
    static final int EXIT_UNUSABLE_INPUT = 2;

    /** Output formats of the lint command. */
    enum Format { table, json, sarif }

    @Parameters(arity = "1..*", paramLabel = "DOCKERFILE", description = "Dockerfiles to check.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", defaultValue = "warning",
            description = "Exit with 1 when a finding has this severity or a higher one: error, warning, info or style (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Lint configuration (default: .portcullis.yaml in the current directory when it exists).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold;
        LintConfig lintConfig;
        try {
            threshold = Severity.parse(failOn);
            lintConfig = loadConfig();
        } catch (IllegalArgumentException | LintConfigLoader.InvalidConfigException e) {
            err.println("error: " + e.getMessage());
            return EXIT_UNUSABLE_INPUT;
        } catch (IOException e) {
            err.println("error: cannot read the lint configuration " + config + ": " + e.getMessage());
            return EXIT_UNUSABLE_INPUT;
        }

        List<Rule> rules = RuleCatalog.all();
        Linter linter = new Linter(rules);
        DockerfileReader reader = new DockerfileReader();
        List<LintResult> results = new ArrayList<>();
        for (Path file : files) {
            try {
                Dockerfile dockerfile = reader.read(file);
                results.add(new LintResult(file.toString(), linter.lint(dockerfile, lintConfig)));
            } catch (ParseException e) {
                err.println("error: " + e.getMessage());
                return EXIT_UNUSABLE_INPUT;
            } catch (NoSuchFileException e) {
                err.println("error: " + file + ": file not found; pass the path of a Dockerfile");
                return EXIT_UNUSABLE_INPUT;
            } catch (IOException e) {
                err.println("error: " + file + ": cannot read the file: " + e.getMessage());
                return EXIT_UNUSABLE_INPUT;
            }
        }

        out.print(switch (format) {
            case table -> new TableFormatter().format(results);
            case json -> new JsonFormatter().format(results);
            case sarif -> new SarifFormatter(rules.stream().map(Rule::info).toList(), version()).format(results);
        });
        out.flush();
        boolean failing = results.stream().flatMap(result -> result.findings().stream())
                .map(Finding::severity).anyMatch(severity -> severity.atLeast(threshold));
        return failing ? EXIT_FINDINGS : 0;
    }

    private LintConfig loadConfig() throws IOException, LintConfigLoader.InvalidConfigException {
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new LintConfigLoader.InvalidConfigException(config + ": configuration file not found");
            }
            return new LintConfigLoader().load(config);
        }
        Path local = Path.of(".portcullis.yaml");
        return Files.isRegularFile(local) ? new LintConfigLoader().load(local) : LintConfig.defaults();
    }

    private static String version() {
        String version = LintCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
