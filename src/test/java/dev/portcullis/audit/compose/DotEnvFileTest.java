package dev.portcullis.audit.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvFileTest {

    @TempDir
    Path folder;

    @Test
    void shouldReadComposeEnvSyntax() throws Exception {
        Path file = folder.resolve(".env");
        Files.writeString(file, """
                # comment
                export DB_USER=app   # trailing comment
                DB_PASSWORD='s3 cr#t'
                GREETING="line\\nnext \\"quoted\\""
                EMPTY=
                not a variable
                URL=http://example.com/#anchor
                """);
        List<AuditWarning> warnings = new ArrayList<>();

        Map<String, String> values = DotEnvFile.read(file, warnings);

        assertThat(values).containsExactly(
                Map.entry("DB_USER", "app"),
                Map.entry("DB_PASSWORD", "s3 cr#t"),
                Map.entry("GREETING", "line\nnext \"quoted\""),
                Map.entry("EMPTY", ""),
                Map.entry("URL", "http://example.com/#anchor"));
        assertThat(warnings).containsExactly(
                new AuditWarning(new SourceLocation(file.toString(), 6, 1), "line is not NAME=value and is skipped"));
    }
}
