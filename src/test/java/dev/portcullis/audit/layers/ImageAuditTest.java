package dev.portcullis.audit.layers;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.audit.AuditConfig;
import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.Auditor;
import dev.portcullis.audit.output.AuditFormat;
import dev.portcullis.audit.output.AuditWriter;
import dev.portcullis.image.Healthcheck;
import dev.portcullis.image.HistoryEntry;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.SourceKind;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An image whose layer 1 adds an AWS key file that layer 2 deletes, built with a password build argument. */
class ImageAuditTest {

    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String BUILD_PASSWORD = "Bu1ld-Arg-Passw0rd";

    private final AuditResult result = new Auditor(AuditConfig.defaults()).auditImage(image(), layers());

    @Test
    void shouldReportDeletedKeyFileAndHistoryPasswordWithLayers() throws Exception {
        String json = write(AuditFormat.JSON);

        assertThatJson(json).inPath("$.findings[?(@.ruleId == 'PC-A028')]").isArray().singleElement()
                .isObject().containsEntry("layer", 1).containsEntry("message", "AWS credentials file"
                        + " /root/.aws/credentials in layer 1, value AKIA**** (deleted by a later layer, but its bytes"
                        + " still ship in layer 1)");
        assertThatJson(json).inPath("$.findings[?(@.ruleId == 'PC-A027')]").isArray().singleElement()
                .isObject().containsEntry("layer", 2).containsEntry("message", "build argument DB_PASSWORD in the"
                        + " history of layer 2 contains a password Bu1l****");
    }

    @Test
    void shouldRedactValuesInEveryFormat() throws Exception {
        for (AuditFormat format : AuditFormat.values()) {
            String output = write(format);

            assertThat(output).as(format.name()).contains("AKIA****", "Bu1l****")
                    .doesNotContain(ACCESS_KEY_ID, SECRET_KEY, BUILD_PASSWORD);
        }
    }

    private String write(AuditFormat format) throws Exception {
        StringWriter out = new StringWriter();
        AuditWriter.of(format).write(result, out);
        return out.toString();
    }

    private static InMemoryLayerFiles layers() {
        return new InMemoryLayerFiles()
                .layer().directory("/root", 0700)
                .layer().file("/root/.aws/credentials", 0600, "[default]\naws_access_key_id = " + ACCESS_KEY_ID
                        + "\naws_secret_access_key = " + SECRET_KEY + "\n")
                .layer().whiteout("/root/.aws/credentials").file("/app/migrate.sh", 0755, "#!/bin/sh\n");
    }

    private static ImageMetadata image() {
        ImageConfig config = new ImageConfig("linux", "amd64", null, null, "app", List.of("PATH=/usr/bin"),
                List.of("3000/tcp"), List.of(), List.of("/app/migrate.sh"), "/app",
                new Healthcheck(List.of("CMD", "true"), 0, 0, 0, 0), Map.of(),
                List.of(new HistoryEntry(null, "/bin/sh -c #(nop) ADD file:abc in / ", null, false, 0),
                        new HistoryEntry(null, "/bin/sh -c #(nop) COPY dir:def in /root/.aws ", null, false, 1),
                        new HistoryEntry(null, "|1 DB_PASSWORD=" + BUILD_PASSWORD
                                + " /bin/sh -c rm -rf /root/.aws && ./migrate.sh", null, false, 2)));
        return new ImageMetadata("example/app:1", SourceKind.OCI_LAYOUT, null, null, List.of(), config, List.of());
    }
}
