package dev.portcullis.cli;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.fixtures.ImageArchives;
import dev.portcullis.image.fixtures.TarBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portcullis audit --image} on a docker-save tarball written here: layer 1 adds an AWS credentials file
 * that layer 2 deletes with a whiteout, and layer 2 was built with a password build argument.
 */
class AuditImageCommandTest {

    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String BUILD_PASSWORD = "Bu1ld-Arg-Passw0rd";

    @TempDir
    Path work;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @Test
    void shouldReportDeletedKeyAndBuildPassword() throws IOException {
        int exit = Main.run("audit", "--image", image().toString(), "--format", "json");

        String out = streams.out();
        assertThat(exit).as(streams.err()).isEqualTo(1);
        assertThatJson(out).inPath("$.findings[?(@.ruleId == 'PC-A028')]").isArray().singleElement()
                .isObject().containsEntry("layer", 1).containsEntry("message", "AWS credentials file"
                        + " /root/.aws/credentials in layer 1, value AKIA**** (deleted by a later layer, but its bytes"
                        + " still ship in layer 1)");
        assertThatJson(out).inPath("$.findings[?(@.ruleId == 'PC-A027')]").isArray().singleElement()
                .isObject().containsEntry("layer", 2).containsEntry("message", "build argument DB_PASSWORD in the"
                        + " history of layer 2 contains a password Bu1l****");
    }

    @Test
    void shouldNeverPrintFullSecrets() throws IOException {
        Main.run("audit", "--image", image().toString(), "--format", "json");

        for (String secret : List.of(ACCESS_KEY_ID, SECRET_KEY, BUILD_PASSWORD)) {
            assertThat(streams.out()).doesNotContain(secret);
            assertThat(streams.err()).doesNotContain(secret);
        }
    }

    @Test
    void shouldReportSetuidFileAndOpenFolder() throws IOException {
        Main.run("audit", "--image", image().toString(), "--format", "json");

        String out = streams.out();
        assertThatJson(out).inPath("$.findings[?(@.ruleId == 'PC-A029')].message").isArray()
                .containsExactly("/usr/local/bin/helper has the setuid bit, mode 4755");
        assertThatJson(out).inPath("$.findings[?(@.ruleId == 'PC-A030')].message").isArray()
                .containsExactly("/srv/uploads is writable by everyone without the sticky bit, mode 0777");
        assertThatJson(out).inPath("$.findings[?(@.ruleId == 'PC-A030')].layer").isArray().containsExactly(0);
    }

    /**
     * Reads the shared demo image ../shared/fixtures/images/demo-nest-api/oci (tag demo-nest-api). Reviewed by
     * hand: the eleven setuid and setgid programs are those of a Debian bookworm base (shadow, util-linux, PAM),
     * and the image sets no HEALTHCHECK; it contains no key, credential or package cache.
     */
    @Test
    void shouldAuditDemoImage() {
        int exit = Main.run("audit", "--image", "../shared/fixtures/images/demo-nest-api/oci:demo-nest-api",
                "--format", "json");

        String out = streams.out();
        assertThat(exit).as(streams.err()).isEqualTo(1);
        assertThatJson(out).inPath("$.findings").isArray().hasSize(12);
        assertThatJson(out).inPath("$.findings[?(@.ruleId == 'PC-A024')].message").isArray()
                .containsExactly("the image has no HEALTHCHECK");
        assertThatJson(out).inPath("$.findings[?(@.ruleId == 'PC-A029')].location.file").isArray()
                .containsExactlyInAnyOrder("/usr/bin/chage", "/usr/bin/chfn", "/usr/bin/chsh", "/usr/bin/expiry",
                        "/usr/bin/gpasswd", "/usr/bin/mount", "/usr/bin/newgrp", "/usr/bin/passwd", "/usr/bin/su",
                        "/usr/bin/umount", "/usr/sbin/unix_chkpwd");
    }

    @Test
    void shouldExitTwoForMissingImage() {
        int exit = Main.run("audit", "--image", work.resolve("missing.tar").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(streams.err()).contains("portcullis: error: ", "missing.tar");
    }

    private Path image() throws IOException {
        byte[] base = TarBuilder.tar()
                .directory("root", 0700)
                .directory("tmp", 01777)
                .directory("srv/uploads", 0777)
                .file("usr/local/bin/helper", "#!/bin/sh\n", 04755)
                .build();
        byte[] keys = TarBuilder.tar()
                .directory("root/.aws", 0700)
                .file("root/.aws/credentials", "[default]\naws_access_key_id = " + ACCESS_KEY_ID
                        + "\naws_secret_access_key = " + SECRET_KEY + "\n", 0600)
                .build();
        byte[] cleanup = TarBuilder.tar()
                .file("root/.aws/.wh.credentials", "")
                .file("app/migrate.sh", "#!/bin/sh\n", 0755)
                .build();
        List<Path> layers = List.of(write("base.tar", base), write("keys.tar", keys), write("cleanup.tar", cleanup));
        String config = """
                {"architecture":"amd64","os":"linux",
                 "config":{"User":"app","Cmd":["/app/migrate.sh"],"WorkingDir":"/app",
                   "Healthcheck":{"Test":["CMD","true"]}},
                 "history":[
                  {"created_by":"/bin/sh -c #(nop) ADD file:abc in / "},
                  {"created_by":"/bin/sh -c #(nop) COPY dir:def in /root/.aws "},
                  {"created_by":"|1 DB_PASSWORD=%s /bin/sh -c rm -rf /root/.aws && ./migrate.sh"}]}
                """.formatted(BUILD_PASSWORD);
        return ImageArchives.classicDockerArchive(config.getBytes(StandardCharsets.UTF_8), layers, "example/app:1",
                work.resolve("app.tar"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(work.resolve(name), bytes);
    }
}
