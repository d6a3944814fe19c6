package dev.portcullis.audit.compose;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.audit.AuditInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compose files that cannot be audited at all, each rejected with the file, the line and the reason. */
class RejectedComposeTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty file|''|: the file is empty",
        "only a comment|# nothing here|: the file is empty",
        "scalar at top|just text|:1: not a compose file: expected a mapping with a services key at the top level,"
                + " found a scalar",
        "duplicate service|services:\\n  web: {}\\n  web: {}|:3: invalid YAML: found duplicate key web, first"
                + " defined on line 2",
        "tab indentation|services:\\n\\tweb: {}|:2: invalid YAML: found character '\\t(TAB)' that cannot start"
                + " any token. (Do not use \\t(TAB) for indentation)",
        "services as list|services:\\n  - web|:2: services must be a mapping of names to service definitions",
        "null services|services:|: the compose file defines no services, so there is nothing to audit",
        "unclosed interpolation|services:\\n  web:\\n    image: ${TAG|:3: invalid interpolation: '${' at '${TAG' is"
                + " never closed",
        "unclosed quote|services:\\n  web:\\n    image: \"nginx|:3: invalid YAML: found unexpected end of stream"})
    void shouldRejectWithFileAndLine(String name, String yaml, String expected) throws Exception {
        Path file = folder.resolve("compose.yaml");
        Files.writeString(file, yaml.replace("\\n", "\n").replace("\\t", "\t"));

        assertThatThrownBy(() -> new ComposeLoader(ComposeOptions.defaults()).load(List.of(file)))
                .isInstanceOf(AuditInputException.class)
                .hasMessage(file + expected);
    }
}
