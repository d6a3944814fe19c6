package dev.portcullis.lint.format;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;

import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.LintResult;
import dev.portcullis.lint.Linter;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
