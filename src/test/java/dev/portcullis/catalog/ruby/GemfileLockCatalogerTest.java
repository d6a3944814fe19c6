package dev.portcullis.catalog.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.java.CatalogRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GemfileLockCatalogerTest {

    @TempDir
    Path root;

    @Test
    void shouldReadSpecsOfEverySource() throws IOException {
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/Gemfile.lock"), """
                GIT
                  remote: https://github.com/example/private_gem.git
                  revision: 0123456789abcdef
                  specs:
                    private_gem (0.3.0)

                GEM
                  remote: https://rubygems.org/
                  specs:
                    actionmailer (4.1.1)
                      actionpack (= 4.1.1)
                      mail (~> 2.5.4)
                    nokogiri (1.16.0-x86_64-linux)
                      racc (~> 1.4)

                PLATFORMS
                  x86_64-linux

                DEPENDENCIES
                  actionmailer (= 4.1.1)

                BUNDLED WITH
                   2.5.3
                """);

        CatalogRun run = CatalogRun.of(new GemfileLockCataloger(), root);

        assertThat(run.coordinates()).containsExactly("private_gem@0.3.0", "actionmailer@4.1.1", "nokogiri@1.16.0");
        Package nokogiri = run.packages().get(2);
        assertThat(nokogiri.purl()).isEqualTo("pkg:gem/nokogiri@1.16.0?platform=x86_64-linux");
        assertThat(nokogiri.properties()).containsEntry("platform", "x86_64-linux");
        assertThat(nokogiri.locations()).containsExactly("/app/Gemfile.lock");
        assertThat(run.skipped()).isEmpty();
    }
}
