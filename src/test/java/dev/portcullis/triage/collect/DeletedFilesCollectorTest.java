package dev.portcullis.triage.collect;

import static dev.portcullis.triage.TestFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeletedFilesCollectorTest {

    private static final Package PYTHON = new Package(PackageType.DEB, "python3.11-minimal", "3.11.2-6", "amd64", null,
            "pkg:deb/debian/python3.11-minimal@3.11.2-6", "dpkg-db-cataloger", List.of("/var/lib/dpkg/status"),
            List.of("/usr", "/usr/bin", "/usr/bin/python3.11", "/usr/lib/python3.11/os.py"), null, List.of(), Map.of());

    @Test
    void shouldCallPackageWithEveryFileDeletedNotPresent() {
        MemoryFiles files = new MemoryFiles().directory("/usr").directory("/usr/bin");

        var observations = collect(files);

        assertThat(observations).singleElement().satisfies(o -> {
            assertThat(o.proposed()).isInstanceOfSatisfying(Verdict.NotAffected.class, n ->
                    assertThat(n.justification()).isEqualTo(Justification.COMPONENT_NOT_PRESENT));
            assertThat(o.evidence().getFirst().details()).containsEntry("absentFiles", "2")
                    .containsEntry("examples", "/usr/bin/python3.11, /usr/lib/python3.11/os.py");
            assertThat(o.evidence().getFirst().fact()).isEqualTo("none of the 2 files that python3.11-minimal owns is"
                    + " in the image, for example /usr/bin/python3.11, /usr/lib/python3.11/os.py");
        });
    }

    @Test
    void shouldNameSingleDeletedFile() {
        Package tzdata = new Package(PackageType.DEB, "tzdata", "2024a-0+deb12u1", "all", null,
                "pkg:deb/debian/tzdata@2024a-0+deb12u1", "dpkg-db-cataloger", List.of("/var/lib/dpkg/status"),
                List.of("/usr", "/usr/sbin", "/usr/sbin/tzconfig"), null, List.of(), Map.of());
        MemoryFiles files = new MemoryFiles().directory("/usr").directory("/usr/sbin");

        var observations = new DeletedFilesCollector().collect(finding(tzdata, "CVE-2099-0002"),
                new TriageContext(null, null, files, null, null));

        assertThat(observations).singleElement().satisfies(o -> assertThat(o.evidence().getFirst().fact())
                .isEqualTo("the one file that tzdata owns, /usr/sbin/tzconfig, is not in the image"));
    }

    @Test
    void shouldLeavePackageWithOneFileLeftAlone() {
        MemoryFiles files = new MemoryFiles().directory("/usr").directory("/usr/bin")
                .file("/usr/bin/python3.11", new byte[] {1}, 0);

        assertThat(collect(files)).isEmpty();
    }

    private static List<dev.portcullis.triage.Observation> collect(MemoryFiles files) {
        return new DeletedFilesCollector().collect(finding(PYTHON, "CVE-2099-0001"),
                new TriageContext(null, null, files, null, null));
    }
}
