package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.Reference;
import dev.portcullis.vulndb.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads the shared file {@code ../shared/vulndata/nodejs/security-wg/core/index.json}. */
class NodeCoreImporterTest {

    private static CollectingSink sink;

    @BeforeAll
    static void importIndex() throws IOException {
        sink = new CollectingSink();
        new NodeCoreImporter().importFrom(Path.of("../shared/vulndata/nodejs/security-wg/core/index.json"), sink);
    }

    @Test
    void shouldImportEveryAdvisory() {
        assertThat(sink.advisories).hasSize(171);
        assertThat(sink.skipped).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // id; aliases; vulnerable; patched; fixed versions
        "NSWG-COR-169; CVE-2026-21715; 20.x || 22.x || 24.x || 25.x; ^20.20.2 || ^22.22.2 || ^24.14.1 || ^25.8.2; 20.20.2 22.22.2 24.14.1 25.8.2",
        "NSWG-COR-54; CVE-2018-12115; <= 10; ^6.14.4 || ^8.11.4 || >= 10.9.0; 6.14.4 8.11.4 10.9.0",
        "NSWG-COR-1; CVE-2017-1000381; 8.x || 7.x || 4.x || 6.x || 5.x; ^8.1.4 || ^7.10.1 || ^4.8.4 || ^6.11.1; 8.1.4 7.10.1 4.8.4 6.11.1",
    })
    void shouldKeepConstraintsAsWritten(String id, String aliases, String vulnerable, String patched, String fixed) {
        Advisory advisory = sink.advisory(id);
        Affected node = advisory.affected().getFirst();

        assertThat(advisory.source()).isEqualTo("nodejs-core");
        assertThat(advisory.aliases()).containsExactly(aliases.split(" "));
        assertThat(node.ecosystem()).isEqualTo("nodejs");
        assertThat(node.packageName()).isEqualTo("node");
        assertThat(node.vulnerableConstraint()).isEqualTo(vulnerable);
        assertThat(node.patchedConstraint()).isEqualTo(patched);
        assertThat(node.fixedVersions()).isEqualTo(Arrays.asList(fixed.split(" ")));
        assertThat(node.ranges()).isEmpty();
    }

    @Test
    void shouldKeepSeverityCvssAndDates() {
        Advisory advisory18 = sink.advisory("NSWG-COR-18");
        Advisory advisory53 = sink.advisory("NSWG-COR-53");

        assertThat(advisory18.severities()).containsExactly(
                new Severity("nodejs-core", "NODEJS", null, "medium"),
                new Severity("nodejs-core", "CVSS_V3", 4.8, "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N"));
        assertThat(advisory53.published()).isEqualTo(Instant.parse("2018-08-16T00:00:00Z"));
        assertThat(advisory53.references()).containsExactly(
                new Reference("ADVISORY", "https://nodejs.org/en/blog/vulnerability/august-2018-security-releases/"));
        assertThat(sink.advisory("NSWG-COR-169").summary())
                .isEqualTo("Permission Model Bypass in realpathSync.native Allows File Existence Disclosure");
    }

    @Test
    void shouldSkipAdvisoryWithoutVulnerableRange(@TempDir Path temp) throws IOException {
        Path index = temp.resolve("index.json");
        Files.writeString(index, """
                {"1": {"cve": [], "patched": "^1.0.0", "severity": "low"},
                 "2": {"cve": ["CVE-2099-0200"], "vulnerable": "1.x", "patched": "^1.2.3", "severity": "low"}}""");
        CollectingSink local = new CollectingSink();

        new NodeCoreImporter().importFrom(index, local);

        assertThat(local.advisories).extracting(Advisory::id).containsExactly("NSWG-COR-2");
        assertThat(local.skipped).containsExactly(new ImportWarning("index.json#1", "no \"vulnerable\" range; record skipped"));
        assertThat(local.skippedSources).isEqualTo(List.of("nodejs-core"));
    }
}
