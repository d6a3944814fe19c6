package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.KevEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the shared file {@code ../shared/vulndata/kev/known_exploited_vulnerabilities.json} (catalog 2025.08.25). */
class KevImporterTest {

    @Test
    void shouldImportRealCatalog() throws IOException {
        CollectingSink sink = new CollectingSink();

        new KevImporter().importFrom(Path.of("../shared/vulndata/kev/known_exploited_vulnerabilities.json"), sink);

        assertThat(sink.kev).hasSize(1404);
        assertThat(sink.kev.stream().filter(KevEntry::knownRansomware)).hasSize(293);
        assertThat(sink.dates).containsEntry("cisa-kev", Instant.parse("2025-08-25T17:04:19.9796Z"));
        KevEntry log4shell = sink.kev.stream().filter(e -> e.cve().equals("CVE-2021-44228")).findFirst().orElseThrow();
        assertThat(log4shell.vendorProject()).isEqualTo("Apache");
        assertThat(log4shell.product()).isEqualTo("Log4j2");
        assertThat(log4shell.dateAdded()).isEqualTo(LocalDate.of(2021, 12, 10));
        assertThat(log4shell.dueDate()).isEqualTo(LocalDate.of(2021, 12, 24));
        assertThat(log4shell.knownRansomware()).isTrue();
        assertThat(log4shell.cwes()).containsExactly("CWE-20", "CWE-400", "CWE-502");
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.replaced).containsExactly("cisa-kev");
    }

    @Test
    void shouldSkipEntriesWithBadIdOrDate(@TempDir Path temp) throws IOException {
        Path catalog = temp.resolve("kev.json");
        Files.writeString(catalog, """
                {"catalogVersion": "2099.01.01", "dateReleased": "2099-01-01T00:00:00Z", "count": 3,
                 "vulnerabilities": [
                  {"cveID": "CVE-2099-0001", "dateAdded": "2099-01-01", "dueDate": "2099-01-22", "knownRansomwareCampaignUse": "Unknown"},
                  {"cveID": "not-a-cve", "dateAdded": "2099-01-01"},
                  {"cveID": "CVE-2099-0002", "dateAdded": "01/02/2099"}]}""");
        CollectingSink sink = new CollectingSink();

        new KevImporter().importFrom(catalog, sink);

        assertThat(sink.kev).extracting(KevEntry::cve).containsExactly("CVE-2099-0001");
        assertThat(sink.skipped).extracting(ImportWarning::toString).containsExactly(
                "kev.json#not-a-cve: missing or invalid cveID; entry skipped",
                "kev.json#CVE-2099-0002: invalid date \"01/02/2099\"; entry skipped");
    }
}
