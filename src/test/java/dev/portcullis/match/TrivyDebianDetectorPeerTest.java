package dev.portcullis.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Distro;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.VulnDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs Trivy's Debian detector case ({@code ../shared/fixtures/peer/trivy/detector-debian}): its
 * DB fixture {@code debian.yaml} converted to tracker records, and every row of {@code EXPECTED.tsv}
 * checked. Trivy's status and severity numbers map as trivy-db's types define them: status 5 is
 * will_not_fix (the tracker's {@code ignored}), severity 2 is MEDIUM.
 */
class TrivyDebianDetectorPeerTest {

    private static final Path FOLDER = Path.of("../shared/fixtures/peer/trivy/detector-debian");
    private static final List<String> STATUS_WORDS = List.of("unfixed", "not-affected", "unfixed", "fixed",
            "undetermined", "ignored", "postponed", "end-of-life");
    private static final List<String> SEVERITY_WORDS = List.of("not yet assigned", "low", "medium", "high", "critical");

    @TempDir
    static Path temp;

    private static VulnDatabase database;

    record Row(String caseName, String osVersion, String pkgName, String pkgVersion, String srcName, String srcVersion,
            String vulnId, String expected, String fixedVersion, String status, String severity, String severitySource,
            String vendorIds) {}

    @BeforeAll
    static void importFixture() throws Exception {
        database = TestDatabases.write(temp.resolve("vuln.db"), advisories());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Stream<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(FOLDER.resolve("EXPECTED.tsv"));
        return lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> {
            String[] f = line.split("\t", -1);
            return new Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12]);
        });
    }

    @ParameterizedTest(name = "{0}: {6} {7}")
    @MethodSource("rows")
    void shouldMatchAsTrivyExpects(Row row) {
        Distro distro = new Distro("debian", row.osVersion(), null, null);
        List<Finding> findings = new Matcher(database).match(
                TestDatabases.deb(row.pkgName(), row.pkgVersion(), row.srcName(), row.srcVersion()), distro);
        Optional<Finding> finding = findings.stream().filter(f -> f.id().equals(row.vulnId())).findFirst();

        if (!row.expected().startsWith("reported")) {
            assertThat(finding).isEmpty();
            return;
        }
        assertThat(finding).isPresent();
        Finding found = finding.get();
        if (row.fixedVersion().isEmpty()) {
            assertThat(found.fixedVersions()).isEmpty();
        } else {
            assertThat(found.fixedVersions()).containsExactly(row.fixedVersion());
            assertThat(found.fixState()).isEqualTo(FixState.FIXED);
        }
        if (row.status().startsWith("will_not_fix")) {
            assertThat(found.fixState()).isEqualTo(FixState.WONT_FIX);
            assertThat(found.statusWords()).isEqualTo("will not fix");
        }
        if (!row.severity().isEmpty()) {
            assertThat(found.level().name()).isEqualTo(row.severity().split(" ")[0]);
            assertThat(found.displayed().source()).startsWith(row.severitySource());
        }
        if (!row.vendorIds().isEmpty()) {
            assertThat(found.aliases()).contains(row.vendorIds().split(","));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Advisory> advisories() throws IOException {
        Object document = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(FOLDER.resolve("debian.yaml")));
        List<Advisory> result = new ArrayList<>();
        for (Map<String, Object> bucket : (List<Map<String, Object>>) document) {
            String name = (String) bucket.get("bucket");
            if (!name.startsWith("debian ")) {
                continue;
            }
            String release = "debian:" + name.substring("debian ".length());
            for (Map<String, Object> pkg : (List<Map<String, Object>>) bucket.get("pairs")) {
                for (Map<String, Object> pair : (List<Map<String, Object>>) pkg.get("pairs")) {
                    Map<String, Object> value = (Map<String, Object>) pair.get("value");
                    result.add(TestDatabases.debian((String) pair.get("key"),
                            (List<String>) value.getOrDefault("VendorIDs", List.of()), release, (String) pkg.get("bucket"),
                            status(value)));
                }
            }
        }
        return result;
    }

    private static DistroStatus status(Map<String, Object> value) {
        String fixed = (String) value.getOrDefault("FixedVersion", "");
        int severity = ((Number) value.getOrDefault("Severity", 0)).intValue();
        String urgency = severity == 0 ? null : SEVERITY_WORDS.get(severity);
        if (!fixed.isEmpty()) {
            return new DistroStatus("fixed", fixed, urgency, null, null, null);
        }
        int status = ((Number) value.getOrDefault("Status", 0)).intValue();
        return new DistroStatus(STATUS_WORDS.get(status), null, urgency, null, null, null);
    }
}
