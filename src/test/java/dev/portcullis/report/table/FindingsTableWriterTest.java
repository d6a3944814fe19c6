package dev.portcullis.report.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.match.Finding;
import dev.portcullis.match.FixState;
import dev.portcullis.match.Level;
import dev.portcullis.match.Rating;
import dev.portcullis.vulndb.KevEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingsTableWriterTest {

    private static final KevEntry KEV = new KevEntry("CVE-2023-4911", "GNU", "GNU C Library", "Buffer Overflow", "",
            LocalDate.parse("2023-11-21"), LocalDate.parse("2023-12-12"), "Unknown", "Apply mitigations", "", List.of());

    private static final List<Finding> FINDINGS = List.of(
            finding("zlib1g", "CVE-2023-45853", Level.LOW, "no fix (no-dsa)", null),
            finding("lodash", "CVE-2021-23337", Level.HIGH, "fixed in 4.17.21", null),
            finding("libc6", "CVE-2023-4911", Level.HIGH, "no fix (unfixed)", KEV),
            finding("apt", "CVE-2011-3374", Level.NEGLIGIBLE, "no fix (unfixed), unimportant", null));

    private static String write(FindingOrder order) throws IOException {
        StringWriter out = new StringWriter();
        new FindingsTableWriter(new TableWriter()).write(FINDINGS, order, out);
        return out.toString();
    }

    @Test
    void shouldSortBySeverityWithKevFirst() throws IOException {
        List<String> lines = write(FindingOrder.SEVERITY).lines().toList();

        assertThat(lines.get(0)).isEqualTo("Vulnerabilities: 4 (high 2, low 1, negligible 1)   In KEV: 1");
        assertThat(lines.get(2)).startsWith("PACKAGE").contains("STATUS");
        assertThat(lines.get(3)).startsWith("libc6").contains("CVE-2023-4911").contains("no fix (unfixed)").contains("yes");
        assertThat(lines.get(4)).startsWith("lodash").contains("fixed in 4.17.21");
        assertThat(lines.get(5)).startsWith("zlib1g");
        assertThat(lines.get(6)).startsWith("apt").contains("no fix (unfixed), unimportant");
    }

    @Test
    void shouldSortByPackage() throws IOException {
        List<String> names = write(FindingOrder.PACKAGE).lines().skip(3).map(line -> line.split(" ")[0]).toList();

        assertThat(names).containsExactly("apt", "libc6", "lodash", "zlib1g");
    }

    @Test
    void shouldSayWhenNothingFound() throws IOException {
        StringWriter out = new StringWriter();

        new FindingsTableWriter(new TableWriter()).write(List.of(), FindingOrder.SEVERITY, out);

        assertThat(out.toString()).isEqualTo("Vulnerabilities: 0   In KEV: 0\n\nNo vulnerabilities found.\n");
    }

    private static Finding finding(String name, String id, Level level, String status, KevEntry kev) {
        Package pkg = new Package(PackageType.DEB, name, "1.0-1", "amd64", null, "pkg:deb/debian/" + name + "@1.0-1",
                "dpkg-db-cataloger", List.of("/var/lib/dpkg/status"), List.of(), null, List.of(), Map.of());
        Rating rating = new Rating("debian-tracker", "DEBIAN_URGENCY", level, null, level.word());
        return new Finding(pkg, "1.0-1", id, List.of(), null, List.of(), FixState.NOT_FIXED, status, List.of(),
                List.of(rating), rating, kev, null, List.of());
    }
}
