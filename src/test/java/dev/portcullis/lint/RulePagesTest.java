package dev.portcullis.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code docs/rules/<ID>.md} in step with the rules: every rule has help text and a page, the
 * page is what {@link #page} renders from the rule metadata and {@link RuleHelp}, the failing example
 * makes the rule fire and the passing example does not. Run with {@code -Dlint.docs.write=true} to
 * rewrite the pages after changing a rule or its help.
 */
class RulePagesTest {

    private static final Path DOCS = Path.of("docs/rules");
    private static final List<Rule> RULES = RuleCatalog.all();

    /** Settings the examples are judged with; the label and registry rules need them to run at all. */
    private static final String EXAMPLE_CONFIG = """
            lint:
              trusted-registries: [docker.io]
              labels:
                strict: true
                required:
                  org.opencontainers.image.url: url
                  org.opencontainers.image.created: rfc3339
                  org.opencontainers.image.licenses: spdx
                  org.opencontainers.image.revision: githash
                  org.opencontainers.image.version: semver
                  org.opencontainers.image.authors: email
            """;

    static Stream<RuleInfo> rules() {
        return RULES.stream().map(Rule::info);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldHaveCurrentPage(RuleInfo rule) throws Exception {
        assertThat(RuleHelp.of(rule.id())).as("help text of %s in rule-help.tsv", rule.id()).isPresent();
        Path file = DOCS.resolve(rule.id() + ".md");
        String expected = page(rule, RuleHelp.of(rule.id()).orElseThrow());

        if (Boolean.getBoolean("lint.docs.write")) {
            Files.writeString(file, expected);
        }

        assertThat(file).as("page of %s", rule.id()).exists();
        assertThat(Files.readString(file)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldFireOnFailingExampleOnly(RuleInfo rule) throws Exception {
        RuleHelp help = RuleHelp.of(rule.id()).orElseThrow();

        assertThat(fired(rule, help.failing())).as("%s on its failing example", rule.id()).isTrue();
        assertThat(fired(rule, help.passing())).as("%s on its passing example", rule.id()).isFalse();
    }

    @Test
    void shouldListEveryPageInReadme() throws Exception {
        String readme = Files.readString(DOCS.resolve("README.md"));

        for (RuleInfo rule : rules().toList()) {
            assertThat(readme).as(rule.id()).contains("[" + rule.id() + "](" + rule.id() + ".md)");
        }
    }

    private static boolean fired(RuleInfo rule, String dockerfile) throws Exception {
        Path config = Files.createTempFile("portcullis", ".yaml");
        LintConfig lintConfig;
        try {
            Files.writeString(config, EXAMPLE_CONFIG);
            lintConfig = new LintConfigLoader().load(config).withAllRulesEnabled(rules().toList());
        } finally {
            Files.delete(config);
        }
        var parsed = new DockerfileReader().read("Dockerfile", dockerfile + "\n");
        return new Linter(RULES).lint(parsed, lintConfig).stream().anyMatch(finding -> finding.rule().id().equals(rule.id()));
    }

    /** Renders the page of one rule: metadata table, what it checks, why, how to fix, and both examples. */
    static String page(RuleInfo rule, RuleHelp help) {
        return """
                # %s: %s

                | Severity | Hadolint | BuildKit check | CIS Docker Benchmark | On by default |
                |---|---|---|---|---|
                | %s | %s | %s | %s | %s |

                ## What it checks

                %s.

                ## Why it matters

                %s

                ## How to fix

                %s

                ## Failing example

                ```dockerfile
                %s
                ```

                ## Passing example

                ```dockerfile
                %s
                ```

                This page is generated from the rule's metadata and its help text in
                `src/main/resources/dev/portcullis/lint/rule-help.tsv`; `RulePagesTest` checks both examples.
                See [all rules](README.md).
                """.formatted(rule.id(), rule.title(), rule.severity().label(), rule.hadolintId().orElse("-"),
                rule.buildkitName().orElse("-"), rule.cisId().orElse("-"), rule.enabledByDefault() ? "yes" : "no",
                rule.title(), help.why(), help.fix(), help.failing(), help.passing());
    }
}
