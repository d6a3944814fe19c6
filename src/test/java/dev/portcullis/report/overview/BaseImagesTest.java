package dev.portcullis.report.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.base.BaseImageAssessment;
import dev.portcullis.base.BaseImageTag;
import dev.portcullis.base.BaseReport;
import dev.portcullis.base.DistroAssessment;
import dev.portcullis.base.ImageReference;
import dev.portcullis.base.LineStatus;
import dev.portcullis.base.PatchRelease;
import dev.portcullis.base.RuntimeAssessment;
import dev.portcullis.base.SupportPhase;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaseImagesTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-12-04");
    private static final LineStatus NODE_20 = new LineStatus("nodejs", "20", "iron", SupportPhase.END_OF_LIFE,
            LocalDate.parse("2023-04-18"), LocalDate.parse("2023-10-24"), LocalDate.parse("2024-10-22"),
            LocalDate.parse("2026-04-30"), null, null, "test");
    private static final LineStatus NODE_22 = new LineStatus("nodejs", "22", "jod", SupportPhase.MAINTENANCE,
            LocalDate.parse("2024-04-24"), LocalDate.parse("2024-10-29"), LocalDate.parse("2025-10-21"),
            LocalDate.parse("2027-04-30"), null, null, "test");
    private static final LineStatus DEBIAN_13 = new LineStatus("debian", "13", "trixie", SupportPhase.SECURITY_SUPPORT,
            LocalDate.parse("2025-08-09"), null, null, LocalDate.parse("2028-08-09"), LocalDate.parse("2030-06-30"), null,
            "test");

    @Test
    void shouldFailOnEndOfLife() {
        BaseImages images = BaseImages.of(report(image("node:20.18.0-trixie", runtime(NODE_20, "20.18.0", false))), Set.of());

        Check check = images.check();

        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.evidence()).isEqualTo("node:20.18.0-trixie: nodejs 20 (iron): END OF LIFE since 2026-04-30");
        assertThat(check.fix()).isEqualTo("move to nodejs 22");
    }

    @Test
    void shouldFailOnOutdatedPatch() {
        BaseImages images = BaseImages.of(report(image("node:22.1.0-trixie", runtime(NODE_22, "22.1.0", true))), Set.of());

        Check check = images.check();

        assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(check.evidence()).isEqualTo("node:22.1.0-trixie: nodejs 22.1.0 is behind 22.21.0, a security release");
        assertThat(check.fix()).isEqualTo("move to nodejs 22.21.0");
    }

    @Test
    void shouldJudgeOnlyFinalStageBase() {
        BaseImages images = BaseImages.of(report(image("node:20.18.0-trixie", runtime(NODE_20, "20.18.0", false)),
                image("node:22.21.0-trixie", runtime(NODE_22, "22.21.0", false))), Set.of());

        Check check = images.check();

        assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check.evidence()).startsWith("node:22.21.0-trixie: nodejs 22 (jod)");
    }

    @Test
    void shouldPassSupportedNewestPatch() {
        BaseImages images = BaseImages.of(report(image("node:22.21.0-trixie", runtime(NODE_22, "22.21.0", false))),
                Set.of());

        Check check = images.check();

        assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(check.evidence()).isEqualTo("node:22.21.0-trixie: nodejs 22 (jod): maintenance, end of life 2027-04-30,"
                + " debian 13 (trixie): security support until 2028-08-09, LTS until 2030-06-30");
        assertThat(check.fix()).isNull();
    }

    @Test
    void shouldStayUnknownWithoutLifecycleData() {
        RuntimeAssessment unknownLine = new RuntimeAssessment("nodejs", "22", null, null, null, List.of(), List.of(),
                List.of(), false);
        BaseImageAssessment image = new BaseImageAssessment("Dockerfile:1", "node:22", null, unknownLine, null, List.of());
        BaseImages images = BaseImages.of(report(image), Set.of("nodejs"));

        Check check = images.check();

        assertThat(check.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(check.evidence()).isEqualTo("the database has no lifecycle data for nodejs; run `portcullis db update`"
                + " to load it");
        assertThat(images.introduction()).contains("The database has no lifecycle data for nodejs, so their support"
                + " status is not judged");
    }

    @Test
    void shouldStayUnknownForUnreadTag() {
        String reference = "gcr.io/distroless/nodejs20-debian12";
        DistroAssessment distro = new DistroAssessment("debian", "13", DEBIAN_13, List.of(DEBIAN_13), List.of());
        BaseImageAssessment image = new BaseImageAssessment("app:1", reference,
                BaseImageTag.unknown(ImageReference.parse(reference)), null, distro, List.of("unknown image"));

        Check check = BaseImages.of(report(image), Set.of()).check();

        assertThat(check.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(check.evidence()).isEqualTo("not fully judged: gcr.io/distroless/nodejs20-debian12 (see the notes"
                + " under Base image). Judged: gcr.io/distroless/nodejs20-debian12: debian 13 (trixie): security support"
                + " until 2028-08-09, LTS until 2030-06-30");
    }

    @Test
    void shouldStayUnknownWhenNotChecked() {
        BaseImages images = BaseImages.notChecked("no database given");

        assertThat(images.check().status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(images.check().evidence()).isEqualTo("no database given");
        assertThat(images.entries()).isEmpty();
    }

    @Test
    void shouldListRuntimeAndDistroLines() {
        BaseImages images = BaseImages.of(report(image("node:20.18.0-trixie", runtime(NODE_20, "20.18.0", false))), Set.of());

        BaseImageEntry entry = images.entries().getFirst();

        assertThat(entry.heading()).isEqualTo("node:20.18.0-trixie at Dockerfile:1");
        assertThat(entry.items()).extracting(BaseImageEntry.Item::label)
                .containsExactly("Runtime", "Newest patch", "Supported lines", "Distro", "Supported releases");
        assertThat(entry.items().get(1).text()).isEqualTo("20.18.0 (2024-10-03, not a security release);"
                + " 20.18.0 is the newest patch");
        assertThat(entry.items().get(3).text()).isEqualTo("debian 13 (trixie): security support until 2028-08-09,"
                + " LTS until 2030-06-30");
    }

    private static RuntimeAssessment runtime(LineStatus line, String pinned, boolean outdated) {
        PatchRelease newest = outdated ? new PatchRelease("22.21.0", LocalDate.parse("2025-10-20"), true)
                : new PatchRelease(pinned, LocalDate.parse("2024-10-03"), false);
        List<LineStatus> supported = line.phase().isEndOfLife() ? List.of(NODE_22) : List.of();
        return new RuntimeAssessment("nodejs", pinned, pinned, line, newest, List.of(), List.of(), supported, outdated);
    }

    private static BaseImageAssessment image(String reference, RuntimeAssessment runtime) {
        DistroAssessment distro = new DistroAssessment("debian", "trixie", DEBIAN_13, List.of(DEBIAN_13), List.of());
        return new BaseImageAssessment("Dockerfile:1", reference, null, runtime, distro, List.of());
    }

    private static BaseReport report(BaseImageAssessment... images) {
        return new BaseReport("Dockerfile", AS_OF, List.of(images));
    }
}
