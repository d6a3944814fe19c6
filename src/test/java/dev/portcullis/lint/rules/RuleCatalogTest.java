package dev.portcullis.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lint.Rule;
import dev.portcullis.lint.RuleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    private final List<RuleInfo> rules = RuleCatalog.all().stream().map(Rule::info).toList();

    @Test
    void shouldHaveUniqueIds() {
        assertThat(rules.stream().map(RuleInfo::id)).doesNotHaveDuplicates();
        assertThat(rules.stream().flatMap(rule -> rule.hadolintId().stream())).doesNotHaveDuplicates();
        assertThat(rules.stream().flatMap(rule -> rule.buildkitName().stream())).doesNotHaveDuplicates();
    }

    @Test
    void shouldDocumentEveryRule() throws Exception {
        String docs = Files.readString(Path.of("docs/rules/README.md"));

        for (RuleInfo rule : rules) {
            assertThat(docs).as(rule.id()).contains("| [" + rule.id() + "](" + rule.id() + ".md) | " + rule.hadolintId().orElse("") + " | "
                    + rule.buildkitName().orElse("") + " |");
        }
    }
}
