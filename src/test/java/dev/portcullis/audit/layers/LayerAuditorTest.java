package dev.portcullis.audit.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.secrets.SecretAllowList;
import dev.portcullis.audit.secrets.SecretDetector;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LayerAuditorTest {

    /** Written for this test in the documented AWS format; AWS publishes this pair as its example. */
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String AWS_CREDENTIALS = "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
            + "aws_secret_access_key = " + AWS_SECRET + "\n";

    private final LayerAuditor auditor = new LayerAuditor(new SecretDetector(SecretAllowList.none()));

    @Test
    void shouldReportKeyFileDeletedByLaterLayer() {
        InMemoryLayerFiles layers = new InMemoryLayerFiles()
                .layer().directory("/root", 0700)
                .layer().file("/root/.aws/credentials", 0600, AWS_CREDENTIALS)
                .layer().whiteout("/root/.aws/credentials");

        List<Finding> findings = audit(layers);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(AuditRule.SENSITIVE_FILE_IN_LAYER);
            assertThat(f.layerIndex()).isEqualTo(1);
            assertThat(f.message()).isEqualTo("AWS credentials file /root/.aws/credentials in layer 1, value AKIA****"
                    + " (deleted by a later layer, but its bytes still ship in layer 1)");
            assertThat(f.message()).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain(AWS_SECRET);
        });
    }

    static Stream<Arguments> layerCases() {
        return Stream.of(
                Arguments.of(AuditRule.SETUID_FILE, files().file("/usr/bin/passwd", 04755, "elf"),
                        files().file("/usr/bin/ls", 0755, "elf")),
                Arguments.of(AuditRule.SETUID_FILE, files().file("/usr/bin/wall", 02755, "elf"),
                        files().file("/usr/bin/wall", 0755, "elf")),
                Arguments.of(AuditRule.WORLD_WRITABLE_DIRECTORY, files().directory("/app/uploads", 0777),
                        files().directory("/tmp", 01777)),
                Arguments.of(AuditRule.PACKAGE_CACHE_LEFT,
                        files().file("/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", 0644, "x"),
                        files().file("/var/lib/apt/lists/lock", 0640, "")),
                Arguments.of(AuditRule.PACKAGE_CACHE_LEFT,
                        files().file("/var/cache/apt/archives/curl_7.88.1-10_amd64.deb", 0644, "deb"),
                        files().file("/var/cache/apt/archives/lock", 0640, "")),
                Arguments.of(AuditRule.PACKAGE_CACHE_LEFT,
                        files().file("/root/.npm/_cacache/index-v5/aa/bb", 0644, "{}"),
                        files().file("/root/.npm/_logs/debug.log", 0644, "")),
                Arguments.of(AuditRule.PACKAGE_CACHE_LEFT,
                        files().file("/root/.cache/pip/http-v2/a/b", 0644, "x"),
                        files().file("/usr/lib/python3/dist-packages/pip/__init__.py", 0644, "")),
                Arguments.of(AuditRule.SENSITIVE_FILE_IN_LAYER,
                        files().file("/root/.ssh/id_ed25519", 0600,
                                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"),
                        files().file("/root/.ssh/id_ed25519.pub", 0644, "ssh-ed25519 AAAAC3Nza")),
                Arguments.of(AuditRule.SENSITIVE_FILE_IN_LAYER,
                        files().file("/etc/ssl/private/server.key", 0600, "-----BEGIN PRIVATE KEY-----\nMIIE\n"),
                        files().file("/etc/ssl/certs/ca.pem", 0644, "-----BEGIN CERTIFICATE-----\nMIIB\n")),
                Arguments.of(AuditRule.SENSITIVE_FILE_IN_LAYER,
                        files().file("/app/.npmrc", 0644,
                                "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789\n"),
                        files().file("/app/.npmrc", 0644, "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n")),
                Arguments.of(AuditRule.SENSITIVE_FILE_IN_LAYER, files().file("/app/.env", 0644, "DB_PASSWORD=x\n"),
                        files().file("/app/.env.example", 0644, "DB_PASSWORD=\n")));
    }

    @ParameterizedTest(name = "{0} [{index}]")
    @MethodSource("layerCases")
    void shouldFailAndPassEachLayerRule(AuditRule rule, InMemoryLayerFiles failing, InMemoryLayerFiles passing) {
        assertThat(audit(failing)).extracting(Finding::rule).contains(rule);
        assertThat(audit(passing)).extracting(Finding::rule).doesNotContain(rule);
    }

    @Test
    void shouldCountCacheFilesOncePerLayer() {
        InMemoryLayerFiles layers = files().file("/var/lib/apt/lists/a_Packages", 0644, "12345")
                .file("/var/lib/apt/lists/b_Packages", 0644, "123");

        assertThat(audit(layers)).extracting(Finding::message).containsExactly(
                "apt package lists left in layer 0: 2 files, 8 bytes; clean it with rm -rf /var/lib/apt/lists/*");
    }

    @Test
    void shouldCountSingleCacheFileInSingular() {
        InMemoryLayerFiles layers = files().file("/var/lib/apt/lists/a_Packages", 0644, "12345");

        assertThat(audit(layers)).extracting(Finding::message).containsExactly(
                "apt package lists left in layer 0: 1 file, 5 bytes; clean it with rm -rf /var/lib/apt/lists/*");
    }

    private static InMemoryLayerFiles files() {
        return new InMemoryLayerFiles().layer();
    }

    private List<Finding> audit(InMemoryLayerFiles layers) {
        return auditor.audit("example/app:1", layers).findings();
    }
}
