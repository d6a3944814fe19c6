package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.CvssMetric;
import dev.portcullis.vulndb.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the shared record {@code ../shared/vulndata/nvd/CVE-2023-4911.json} (a bare CVE object) and
 * the hand-written API response {@code src/test/resources/vulndb/nvd/cvss-v40-response.json}.
 */
class NvdImporterTest {

    @Test
    void shouldImportBareRealRecord() throws IOException {
        CollectingSink sink = new CollectingSink();

        new NvdImporter().importFrom(Path.of("../shared/vulndata/nvd/CVE-2023-4911.json"), sink);

        Advisory looneyTunables = sink.advisory("CVE-2023-4911");
        assertThat(looneyTunables.source()).isEqualTo("nvd");
        assertThat(looneyTunables.details()).startsWith("A buffer overflow was discovered in the GNU C Library's dynamic loader");
        assertThat(looneyTunables.published()).isEqualTo(Instant.parse("2023-10-03T18:15:10.463Z"));
        assertThat(looneyTunables.modified()).isEqualTo(Instant.parse("2023-10-03T23:55:59.983Z"));
        assertThat(looneyTunables.references()).hasSize(7);
        assertThat(looneyTunables.databaseSpecific()).contains("\"vulnStatus\":\"Awaiting Analysis\"");
        assertThat(sink.cvss.get("CVE-2023-4911")).containsExactly(new CvssMetric("CVE-2023-4911", "3.1",
                "secalert@redhat.com", "Secondary", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, "HIGH"));
        assertThat(looneyTunables.severities()).containsExactly(
                new Severity("secalert@redhat.com", "CVSS_V3", 7.8, "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"));
    }

    @Test
    void shouldImportCvssV40Metrics() throws IOException {
        CollectingSink sink = new CollectingSink();

        new NvdImporter().importFrom(Path.of("src/test/resources/vulndb/nvd/cvss-v40-response.json"), sink);

        assertThat(sink.cvss.get("CVE-2099-4000")).containsExactly(
                new CvssMetric("CVE-2099-4000", "4.0", "cna@example.invalid", "Secondary",
                        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, "CRITICAL"),
                new CvssMetric("CVE-2099-4000", "3.1", "nvd@nist.gov", "Primary",
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "CRITICAL"));
        assertThat(sink.advisory("CVE-2099-4000").details()).isEqualTo("Example overflow in a made-up parser.");
        assertThat(sink.advisory("CVE-2099-4000").severities()).extracting(Severity::type).containsExactly("CVSS_V4", "CVSS_V3");
        assertThat(sink.warnings).containsExactly(new ImportWarning("cvss-v40-response.json#CVE-2099-4000",
                "cvssMetricV31 entry without vector or base score; metric skipped"));
    }

    @Test
    void shouldMarkRejectedRecordWithdrawn(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("CVE-2099-4001.json");
        Files.writeString(file, """
                {"cve": {"id": "CVE-2099-4001", "published": "2099-01-01T00:00:00.000",
                 "lastModified": "2099-02-01T00:00:00.000", "vulnStatus": "Rejected",
                 "descriptions": [{"lang": "en", "value": "** REJECT **"}]}}""");
        CollectingSink sink = new CollectingSink();

        new NvdImporter().importFrom(file, sink);

        assertThat(sink.advisory("CVE-2099-4001").withdrawn()).isEqualTo(Instant.parse("2099-02-01T00:00:00Z"));
        assertThat(sink.cvss.get("CVE-2099-4001")).isEmpty();
    }
}
