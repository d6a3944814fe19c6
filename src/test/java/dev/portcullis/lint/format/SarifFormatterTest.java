package dev.portcullis.lint.format;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lint.Finding;
import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.LintResult;
import dev.portcullis.lint.Linter;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.RuleInfo;
import dev.portcullis.lint.Severity;
import dev.portcullis.lint.dockerfile.SourceRange;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Compares SARIF output with the golden file {@code src/test/resources/lint/root-user.sarif.json}. */
class SarifFormatterTest {

    @Test
    void shouldMatchGoldenSarif() throws Exception {
        List<Rule> rules = RuleCatalog.all().stream().filter(rule -> rule.info().id().equals("PC-D002")).toList();
        var dockerfile = new DockerfileReader().read("app/Dockerfile", "FROM node:20\nUSER root\n");
        var findings = new Linter(rules).lint(dockerfile, LintConfig.defaults());

        String sarif = new SarifFormatter(rules.stream().map(Rule::info).toList(), "test")
                .format(List.of(new LintResult("app/Dockerfile", findings)));

        assertThatJson(sarif).isEqualTo(Files.readString(Path.of("src/test/resources/lint/root-user.sarif.json")));
    }

    @Test
    void shouldDescribeShellCheckCodes() {
        RuleInfo sc2086 = new RuleInfo("SC2086", Optional.of("SC2086"), Optional.empty(), Optional.empty(), Severity.INFO,
                "ShellCheck SC2086: Double quote to prevent globbing and word splitting.", true);
        Finding finding = new Finding(sc2086, Severity.INFO, "Double quote to prevent globbing and word splitting.", "Dockerfile",
                new SourceRange(3, 10, 3, 14));
        List<RuleInfo> catalog = RuleCatalog.all().stream().map(Rule::info).toList();

        String sarif = new SarifFormatter(catalog, "test").format(List.of(new LintResult("Dockerfile", List.of(finding))));

        assertThatJson(sarif).node("runs[0].tool.driver.rules").isArray().hasSize(catalog.size() + 1);
        assertThatJson(sarif).node("runs[0].results[0].ruleIndex").isEqualTo(catalog.size());
        assertThatJson(sarif).node("runs[0].tool.driver.rules[" + catalog.size() + "].helpUri")
                .isEqualTo("https://www.shellcheck.net/wiki/SC2086");
        assertThatJson(sarif).node("runs[0].results[0].locations[0].physicalLocation.region")
                .isEqualTo("{\"startLine\":3,\"startColumn\":10,\"endLine\":3,\"endColumn\":15}");
    }

    @Test
    void shouldGiveEveryRuleHelp() {
        List<RuleInfo> catalog = RuleCatalog.all().stream().map(Rule::info).toList();

        String sarif = new SarifFormatter(catalog, "test").format(List.of());

        assertThatJson(sarif).inPath("runs[0].tool.driver.rules[*].help.text").isArray().hasSize(catalog.size())
                .allSatisfy(text -> assertThat(String.valueOf(text)).hasSizeGreaterThan(40));
        assertThatJson(sarif).inPath("runs[0].tool.driver.rules[*].helpUri").isArray().hasSize(catalog.size())
                .allSatisfy(uri -> assertThat(String.valueOf(uri)).matches("https://.*/docs/rules/PC-D\\d{3}\\.md"));
    }
}
