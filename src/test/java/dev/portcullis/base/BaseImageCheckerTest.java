package dev.portcullis.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.SecuritySupportLimit;
import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.feed.FeedImport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Judges images from the facts the command line reads, on a database imported from the shared
 * folder {@code ../shared/vulndata/distro}, the shared file
 * {@code ../shared/vulndata/nodejs/security-wg/core/index.json} and this module's
 * {@code src/test/resources/vulndb/lifecycle} fixtures.
 */
class BaseImageCheckerTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-12-04");

    @TempDir
    static Path temp;

    private static VulnDatabase database;
    private static BaseImageChecker checker;

    @BeforeAll
    static void openDatabase() throws Exception {
        Path file = temp.resolve("vuln.db");
        new FeedImport(Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC)).run(file, List.of(
                Path.of("../shared/vulndata/distro"),
                Path.of("../shared/vulndata/nodejs/security-wg/core/index.json"),
                Path.of("src/test/resources/vulndb/lifecycle")), Optional.empty());
        database = VulnDatabase.open(file);
        checker = new BaseImageChecker(database);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void shouldJudgeImageFromItsContent() {
        ImageFacts facts = new ImageFacts("demo.tar", "docker.io/library/node:20-bookworm-slim", "debian", "12", "20.20.2",
                List.of("binutils", "dumb-init", "glibc", "pdns"));

        BaseImageAssessment image = checker.check(facts, AS_OF).images().getFirst();

        assertThat(image.tag().family()).isEqualTo(ImageFamily.NODE);
        assertThat(image.runtime().pinnedVersion()).isEqualTo("20.20.2");
        assertThat(image.runtime().line().phase()).isEqualTo(SupportPhase.END_OF_LIFE);
        assertThat(image.runtime().outdated()).isFalse();
        assertThat(image.runtime().advisoriesFixedSince()).isEmpty();
        assertThat(image.distro().release().line()).isEqualTo("12");
        assertThat(image.distro().release().phase()).isEqualTo(SupportPhase.LTS);
        assertThat(image.distro().limitedPackages()).extracting(SecuritySupportLimit::packageName, SecuritySupportLimit::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("binutils", SecuritySupportLimit.Kind.LIMITED),
                        org.assertj.core.groups.Tuple.tuple("pdns", SecuritySupportLimit.Kind.ENDED));
        assertThat(image.isEndOfLife()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            binary only         | -                     | 20.18.0 | 20.18.0 | binary /usr/local/bin/node
            binary and same ENV | NODE_VERSION=20.18.0  | 20.18.0 | 20.18.0 | binary /usr/local/bin/node
            binary and ENV      | NODE_VERSION=v20.17.0 | 20.18.0 | 20.18.0 | binary /usr/local/bin/node (ENV NODE_VERSION is 20.17.0)
            ENV only            | NODE_VERSION=20.17.0  | -       | 20.17.0 | ENV NODE_VERSION
            """)
    void shouldPreferNodeBinary(String name, String env, String binaryVersion, String version, String source) {
        List<RuntimeVersion> binaries = binaryVersion == null ? List.of()
                : List.of(new RuntimeVersion(ImageFamily.NODE, binaryVersion, "binary /usr/local/bin/node"));
        ImageFacts facts = ImageFacts.fromImage("app.tar", Map.of(), env == null ? List.of() : List.of(env), "debian", "12",
                binaries, List.of());

        RuntimeAssessment runtime = checker.check(facts, AS_OF).images().getFirst().runtime();

        assertThat(facts.runtimes()).containsExactly(new RuntimeVersion(ImageFamily.NODE, version, source));
        assertThat(runtime.pinnedVersion()).isEqualTo(version);
        assertThat(runtime.versionSource()).isEqualTo(source);
    }

    @Test
    void shouldReadRuntimeOfBaseFamily() {
        ImageFacts facts = ImageFacts.fromImage("builder.tar", Map.of("org.opencontainers.image.base.name",
                "golang:1.22-bookworm"), List.of("NODE_VERSION=20.18.0"), "debian", "12",
                List.of(new RuntimeVersion(ImageFamily.GOLANG, "1.22.3", "binary /usr/local/go/bin/go")), List.of());

        BaseImageAssessment image = checker.check(facts, AS_OF).images().getFirst();

        assertThat(image.runtime().product()).isEqualTo("go");
        assertThat(image.runtime().versionAsWritten()).isEqualTo("1.22.3");
        assertThat(image.runtime().versionSource()).isEqualTo("binary /usr/local/go/bin/go");
        assertThat(image.notes()).contains(
                "no lifecycle data for go; import it with `portcullis db import` (endoflife.date product file)");
    }

    @Test
    void shouldPinBaseDigestFromLabel() {
        String digest = "sha256:" + "ab".repeat(32);
        ImageFacts facts = ImageFacts.fromImage("app.tar", Map.of("org.opencontainers.image.base.name",
                "node:22.22.2-bookworm-slim", "org.opencontainers.image.base.digest", digest), List.of(), null, null,
                List.of(), List.of());

        BaseImageAssessment image = checker.check(facts, AS_OF).images().getFirst();

        assertThat(image.reference()).isEqualTo("node:22.22.2-bookworm-slim");
        assertThat(image.tag().reference().tag()).isEqualTo("22.22.2-bookworm-slim");
        assertThat(image.tag().reference().digest()).isEqualTo(digest);
        assertThat(image.runtime().versionSource()).isEqualTo("tag");
    }

    @Test
    void shouldJudgeImageWithoutBaseLabel() {
        ImageFacts facts = new ImageFacts("rootfs", null, "alpine", "3.22.1", null, List.of());

        BaseImageAssessment image = checker.check(facts, AS_OF).images().getFirst();

        assertThat(image.tag()).isNull();
        assertThat(image.runtime()).isNull();
        assertThat(image.distro().release().line()).isEqualTo("3.22");
        assertThat(image.distro().release().phase()).isEqualTo(SupportPhase.SECURITY_SUPPORT);
        assertThat(image.notes()).containsExactly(
                "the image has no org.opencontainers.image.base.name label; judged from its content only");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            node:lts,                  26,    -,       ACTIVE_LTS
            node:current,              26,    -,       ACTIVE_LTS
            node:iron,                 20,    -,       END_OF_LIFE
            node:22,                   22,    -,       MAINTENANCE
            node:22.22.2-bookworm,     22,    22.22.2, MAINTENANCE
            python:3.12-slim-bookworm, 3.12,  -,       MAINTENANCE
            python:3.8,                3.8,   -,       END_OF_LIFE
            """)
    void shouldResolveRuntimeLine(String image, String line, String pinned, SupportPhase phase) {
        BaseImageAssessment assessment = checker.check(new ImageFacts("x", image, null, null, null, List.of()), AS_OF)
                .images().getFirst();

        assertThat(assessment.runtime().line().line()).isEqualTo(line);
        assertThat(assessment.runtime().pinnedVersion()).isEqualTo(pinned);
        assertThat(assessment.runtime().line().phase()).isEqualTo(phase);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            golang:1.22-bookworm | no lifecycle data for go; import it with `portcullis db import` (endoflife.date product file)
            node:99              | the lifecycle data has no nodejs line for 99
            node:20-windowsservercore | no lifecycle data for the distro windows
            """)
    void shouldNoteMissingLifecycleData(String image, String note) {
        List<String> notes = checker.check(new ImageFacts("x", image, null, null, null, List.of()), AS_OF).images().getFirst().notes();

        assertThat(notes).contains(note);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            node:lts  | the tag lts is read as the active LTS line on 2026-12-04 (nodejs 26); the image may have been built from an older one
            node:iron | the tag iron floats within nodejs 20; a rebuild pulls the newest patch of the line
            node:20   | the tag 20 floats within nodejs 20; a rebuild pulls the newest patch of the line
            """)
    void shouldNoteFloatingTagOnce(String image, String note) {
        List<String> notes = checker.check(new ImageFacts("x", image, "debian", "12", null, List.of()), AS_OF).images().getFirst().notes();

        assertThat(notes).containsExactly(note);
    }

    @Test
    void shouldComputeNewestPatchAsOfDate() {
        BaseImageAssessment image = checker.check(new ImageFacts("x", "node:20.18.0", null, null, null, List.of()),
                LocalDate.parse("2025-06-01")).images().getFirst();

        assertThat(image.runtime().newestPatch()).isEqualTo(new PatchRelease("20.19.2", LocalDate.parse("2025-05-14"), true));
        assertThat(image.runtime().securityReleasesSince()).extracting(PatchRelease::version).containsExactly("20.18.2", "20.19.2");
        assertThat(image.runtime().advisoriesFixedSince()).extracting(FixedAdvisory::fixedIn).containsOnly("20.18.2", "20.19.2");
        assertThat(image.runtime().advisoriesFixedSince()).hasSize(6);
        assertThat(image.runtime().line().phase()).isEqualTo(SupportPhase.MAINTENANCE);
    }
}
