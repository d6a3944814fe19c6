package dev.portcullis.vulndb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Detects the feeds of the shared files under {@code ../shared/vulndata} and of this module's fixtures. */
class FeedDetectorTest {

    private final FeedDetector detector = new FeedDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
        "../shared/vulndata/ghsa/npm/GHSA-35jh-r3h4-6jhm.json, OSV",
        "src/test/resources/vulndb/osv/good/DSA-5673-1.json, OSV",
        "../shared/vulndata/debian-tracker/debian-tracker-sample.synthetic.json, DEBIAN_TRACKER",
        "../shared/vulndata/debian-tracker/vuln-list-format/CVE-2016-2781.json, DEBIAN_VULN_LIST",
        "../shared/vulndata/debian-tracker/vuln-list-format/DSA-5673-1.json, DEBIAN_VULN_LIST",
        "../shared/vulndata/alpine-secdb/v3.11/main.yaml, ALPINE_SECDB",
        "src/test/resources/vulndb/alpine-secdb/v3.20/main.json, ALPINE_SECDB",
        "../shared/vulndata/nodejs/security-wg/core/index.json, NODEJS_CORE",
        "../shared/vulndata/kev/known_exploited_vulnerabilities.json, KEV",
        "../shared/vulndata/nvd/CVE-2023-4911.json, NVD",
        "src/test/resources/vulndb/nvd/cvss-v40-response.json, NVD",
        "src/test/resources/vulndb/epss/epss_scores-2099-05-01.csv, EPSS",
        "../shared/vulndata/kev/known_exploited_vulnerabilities_schema.json, none",
        "../shared/vulndata/kev/known_exploited_vulnerabilities.csv, none",
        "../shared/vulndata/kev/LICENSE, none",
        "../shared/vulndata/debian-tracker/vuln-list-format/SOURCES.tsv, none",
        "../shared/vulndata/debian-tracker/text-lists-2023/DSA/list, DEBIAN_ADVISORY_LIST",
        "../shared/vulndata/debian-tracker/text-lists-2023/DLA/list, DEBIAN_ADVISORY_LIST",
        "../shared/vulndata/distro/node-releases/data/release-schedule/release-schedule.json, NODE_RELEASE_SCHEDULE",
        "../shared/vulndata/distro/node-releases/data/processed/envs.json, none",
        "../shared/vulndata/distro/node-releases/package.json, none",
        "../shared/vulndata/distro/distro-info-data/debian.csv, DISTRO_INFO",
        "../shared/vulndata/distro/distro-info-data/ubuntu.csv, DISTRO_INFO",
        "../shared/vulndata/distro/debian-security-support/security-support-limited, DEBIAN_SECURITY_SUPPORT",
        "../shared/vulndata/distro/debian-security-support/security-support-ended.deb12, DEBIAN_SECURITY_SUPPORT",
        "../shared/vulndata/distro/debian-security-support/copyright, none",
        "src/test/resources/vulndb/lifecycle/node-index.json, NODEJS_VERSIONS_INDEX",
        "src/test/resources/vulndb/lifecycle/alpine-releases.json, ALPINE_RELEASES",
        "src/test/resources/vulndb/lifecycle/endoflife.date/python.json, ENDOFLIFE_DATE",
    })
    void shouldDetectFeedByContent(Path file, Feed expected) throws IOException {
        assertThat(detector.detect(file)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void shouldDetectZipAsOsv(@TempDir Path temp) throws IOException {
        Path zip = temp.resolve("data.bin");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("x.json"));
            out.write("{}".getBytes());
            out.closeEntry();
        }

        assertThat(detector.detect(zip)).contains(Feed.OSV);
    }

    @Test
    void shouldLookInsideGzip(@TempDir Path temp) throws IOException {
        Path gzip = temp.resolve("scores.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write("#model_version:v2025.03.14,score_date:2099-05-01T00:00:00Z\ncve,epss,percentile\n".getBytes());
        }

        assertThat(detector.detect(gzip)).contains(Feed.EPSS);
    }

    @Test
    void shouldDetectTruncatedOsvRecord() throws IOException {
        assertThat(detector.detect(Path.of("src/test/resources/vulndb/osv/bad/malformed.json"))).contains(Feed.OSV);
    }
}
