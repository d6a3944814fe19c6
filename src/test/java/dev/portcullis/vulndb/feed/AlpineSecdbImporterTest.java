package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.RangeEvent;
import dev.portcullis.vulndb.TrackerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * YAML cases read the shared files {@code ../shared/vulndata/alpine-secdb/v3.*}{@code /main.yaml};
 * the JSON case reads the hand-written fixture {@code src/test/resources/vulndb/alpine-secdb/v3.20/main.json}.
 */
class AlpineSecdbImporterTest {

    private static final Path SECDB = Path.of("../shared/vulndata/alpine-secdb");

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        // file, id, package, release key, fixed version, state
        "v3.11/main.yaml, CVE-2019-14904, ansible, alpine:3.11, 2.9.3-r0, FIXED",
        "v3.11/main.yaml, CVE-2019-14697, musl, alpine:3.11, 1.1.23-r2, FIXED",
        "v3.11/main.yaml, CVE-2018-10754, ncurses, alpine:3.11, 6.1_p20180414-r0, FIXED",
        "v3.8/main.yaml, CVE-2016-0682, db, alpine:3.8, 0, NOT_AFFECTED",
        "v3.10/main.yaml, CVE-2019-5060, sdl2_image, alpine:3.10, 2.0.5-r0, FIXED",
    })
    void shouldImportRealYaml(String file, String id, String packageName, String release, String fixedVersion,
            TrackerState state) throws IOException {
        CollectingSink sink = new CollectingSink();

        new AlpineSecdbImporter().importFrom(SECDB.resolve(file), sink);

        Affected entry = sink.advisory(id).affected().stream().filter(a -> a.packageName().equals(packageName))
                .findFirst().orElseThrow();
        assertThat(entry.ecosystem()).isEqualTo(release);
        assertThat(entry.status().fixedVersion()).isEqualTo(fixedVersion);
        assertThat(entry.status().state()).isEqualTo(state);
        assertThat(entry.ecosystemSpecific()).isEqualTo("{\"repository\":\"main\"}");
        assertThat(sink.advisory(id).source()).isEqualTo("alpine-secdb");
    }

    @Test
    void shouldImportEveryIdOfFileOnce() throws IOException {
        CollectingSink sink = new CollectingSink();

        new AlpineSecdbImporter().importFrom(SECDB.resolve("v3.11/main.yaml"), sink);

        assertThat(sink.advisories).hasSize(1124);
        assertThat(sink.advisories).extracting(Advisory::id).doesNotHaveDuplicates();
        assertThat(sink.modes).containsOnly(MergeMode.MERGE_AFFECTED);
        assertThat(sink.skipped).isEmpty();
    }

    @Test
    void shouldKeepSecondWordAsAlias() throws IOException {
        CollectingSink sink = new CollectingSink();

        new AlpineSecdbImporter().importFrom(SECDB.resolve("v3.10/main.yaml"), sink);

        assertThat(sink.advisory("CVE-2019-5060").aliases()).containsExactly("TALOS-2019-0844");
    }

    @Test
    void shouldImportServedJson() throws IOException {
        CollectingSink sink = new CollectingSink();

        new AlpineSecdbImporter().importFrom(Path.of("src/test/resources/vulndb/alpine-secdb/v3.20/main.json"), sink);

        assertThat(sink.advisories).extracting(Advisory::id).containsExactly("CVE-2099-3001", "CVE-2099-3002", "CVE-2099-3003");
        assertThat(sink.advisory("CVE-2099-3001").affected()).extracting(Affected::packageName).containsExactly("busybox", "openssl");
        Affected busybox = sink.advisory("CVE-2099-3001").affected().getFirst();
        assertThat(busybox.ecosystem()).isEqualTo("alpine:3.20");
        assertThat(busybox.fixedVersions()).containsExactly("1.36.1-r29");
        assertThat(busybox.ranges().getFirst().scheme()).isEqualTo("apk");
        assertThat(busybox.ranges().getFirst().events()).containsExactly(RangeEvent.introduced("0"), RangeEvent.fixed("1.36.1-r29"));
        assertThat(sink.advisory("CVE-2099-3002").aliases()).isEqualTo(List.of("ALPINE-99999"));
        Affected neverAffected = sink.advisory("CVE-2099-3003").affected().getFirst();
        assertThat(neverAffected.status().state()).isEqualTo(TrackerState.NOT_AFFECTED);
        assertThat(neverAffected.fixedVersions()).isEmpty();
        assertThat(neverAffected.ranges()).isEmpty();
    }

    @Test
    void shouldKeepVersionTextThatLooksLikeNumber(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("main.yaml");
        Files.writeString(file, """
                distroversion: v3.9
                reponame: main
                packages:
                  - pkg:
                      name: example
                      secfixes:
                        1.10:
                          - CVE-2099-3100
                  - pkg:
                      secfixes: {}
                """);
        CollectingSink sink = new CollectingSink();

        new AlpineSecdbImporter().importFrom(file, sink);

        assertThat(sink.advisory("CVE-2099-3100").affected().getFirst().fixedVersions()).containsExactly("1.10");
        assertThat(sink.skipped).containsExactly(new ImportWarning("main.yaml", "package entry without pkg.name; entry skipped"));
    }

    @Test
    void shouldRejectFileWithoutDistroversion(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("main.yaml");
        Files.writeString(file, "reponame: main\npackages: []\n");

        assertThatThrownBy(() -> new AlpineSecdbImporter().importFrom(file, new CollectingSink()))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("main.yaml has no \"distroversion\": not an Alpine secdb file");
    }
}
