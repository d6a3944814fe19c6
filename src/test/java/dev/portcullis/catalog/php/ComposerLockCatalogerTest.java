package dev.portcullis.catalog.php;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.java.CatalogRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposerLockCatalogerTest {

    @TempDir
    Path root;

    @Test
    void shouldReadLockAndBothInstalledShapes() throws IOException {
        write("srv/composer.lock", """
                {"packages": [{"name": "monolog/monolog", "version": "3.5.0", "license": ["MIT"]}],
                 "packages-dev": [{"name": "phpunit/phpunit", "version": "10.5.9"}, {"name": "broken"}]}
                """);
        write("v1/vendor/composer/installed.json", """
                [{"name": "psr/log", "version": "1.1.4"}]
                """);
        write("v2/vendor/composer/installed.json", """
                {"packages": [{"name": "psr/container", "version": "2.0.2"}, {"name": "mockery/mockery", "version": "1.6.7"}],
                 "dev": true, "dev-package-names": ["mockery/mockery"]}
                """);

        CatalogRun run = CatalogRun.of(new ComposerLockCataloger(), root);

        Map<String, String> development = run.packages().stream()
                .collect(Collectors.toMap(CatalogRun::coordinates, p -> p.properties().get("development")));
        assertThat(development).containsExactlyInAnyOrderEntriesOf(Map.of(
                "monolog/monolog@3.5.0", "false", "phpunit/phpunit@10.5.9", "true", "psr/log@1.1.4", "false",
                "psr/container@2.0.2", "false", "mockery/mockery@1.6.7", "true"));
        Package monolog = run.packages().stream().filter(p -> p.name().equals("monolog/monolog")).findFirst().orElseThrow();
        assertThat(monolog.purl()).isEqualTo("pkg:composer/monolog/monolog@3.5.0");
        assertThat(monolog.licenses()).containsExactly("MIT");
        assertThat(run.skipped()).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("/srv/composer.lock");
            assertThat(s.reason()).isEqualTo("Composer package without vendor/name or version: broken");
        });
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
