package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditRuleTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(AuditRule.class)
    void shouldHaveDocsPageWithEverySection(AuditRule rule) throws Exception {
        Path page = Path.of(rule.docsPath());

        assertThat(page).exists();
        String text = Files.readString(page);
        assertThat(text).startsWith("# " + rule.id() + ": " + rule.title() + "\n")
                .contains("## What", "## Why", "## How to fix", "## Failing example", "## Passing example",
                        rule.fix());
    }

    @Test
    void shouldUseUniqueIds() {
        assertThat(Arrays.stream(AuditRule.values()).map(AuditRule::id)).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("PC-A\\d{3}"));
    }
}
