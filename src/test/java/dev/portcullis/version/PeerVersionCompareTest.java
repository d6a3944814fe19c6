package dev.portcullis.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every row of the peer compare tables {@code ../shared/fixtures/peer/version-compare/
 * grype-version-compare.tsv} and {@code lib-version-compare.tsv} (columns
 * {@code ecosystem a b expected kind source note}) through our schemes.
 */
class PeerVersionCompareTest {

    private static final Logger LOG = LoggerFactory.getLogger(PeerVersionCompareTest.class);

    private static final List<String> FILES = List.of("grype-version-compare.tsv", "lib-version-compare.tsv");
    private static final String INVALID = "invalid";

    private static final String RPM_EPOCH =
            "rpm compares epochs even when only one side has one: rpmvercmp treats a missing epoch as 0";
    private static final String DPKG_EPOCH =
            "dpkg compares epochs even when only one side has one: a missing epoch is 0";
    private static final String APK_PREFIX = "apk-tools has no v prefix: 'v' is a letter token";
    private static final String MAVEN_QUALIFIER = "Maven's ComparableVersion keeps jre/jdk qualifiers";
    private static final String MAVEN_SEPARATOR =
            "maven-artifact 3.9 ComparableVersion compares 1-foo and 1.foo as equal";
    private static final String PEP440_LOCAL = "PEP 440 sorts 2.0.0+cgr.1 after 2.0.0";

    /**
     * Rows where we expect another result than the peer file, decided on the rule of the upstream
     * tool (dpkg, rpm, apk-tools, node-semver, pypa/packaging, Maven, RubyGems), keyed by
     * {@code ecosystem a b}.
     */
    private static final Map<String, Deviation> DEVIATIONS = Deviation.table(
            // Grype ignores an epoch present on one side only, or fills it from the other side.
            new Deviation("rpm", "1:0", "1", "1", RPM_EPOCH),
            new Deviation("rpm", "2:4.19.01-1.el7_5", "4.19.1-1.el7_5", "1", RPM_EPOCH),
            new Deviation("rpm", "4.19.01-1.el7_5", "2:4.19.1-1.el7_5", "-1", RPM_EPOCH),
            new Deviation("rpm", "4.19.0-1.el7_5", "12:4.19.0-1.el7", "-1", RPM_EPOCH),
            new Deviation("rpm", "3:4.19.0-1.el7_5", "4.21.0-1.el7", "1", RPM_EPOCH),
            new Deviation("rpm", "2.0.0", "1:1.5.0", "-1", RPM_EPOCH),
            new Deviation("rpm", "1.2.3", "1:1.2.3", "-1", RPM_EPOCH),
            new Deviation("rpm", "1.0.0", "999:0.5.0", "-1", RPM_EPOCH),
            new Deviation("dpkg", "2.0.0", "1:1.5.0", "-1", DPKG_EPOCH),
            new Deviation("dpkg", "1.2.3-1", "1:1.2.3-1", "-1", DPKG_EPOCH),
            new Deviation("dpkg", "1.0.0", "999:0.5.0", "-1", DPKG_EPOCH),
            new Deviation("dpkg", "1.0-1ubuntu1", "1:1.0-1ubuntu1", "-1", DPKG_EPOCH),
            // Grype strips a leading v before comparing apk versions; apk-tools reads 'v' as a letter.
            new Deviation("apk", "1.5.0", "v1.5.0", "1", APK_PREFIX),
            new Deviation("apk", "1.5.0", "V1.5.0", "1", APK_PREFIX),
            new Deviation("apk", "v1.5.0", "1.5.0", "-1", APK_PREFIX),
            // Grype drops .jreN and .jdkN; ComparableVersion orders an unknown qualifier after the
            // release and compares qualifiers as strings.
            new Deviation("maven", "12.10.2", "12.10.2.jre11", "-1", MAVEN_QUALIFIER),
            new Deviation("maven", "12.10.2.jre11", "12.10.2", "1", MAVEN_QUALIFIER),
            new Deviation("maven", "12.10.2.jdk17", "12.10.2", "1", MAVEN_QUALIFIER),
            new Deviation("maven", "12.10.2.jre11", "12.10.2.jdk17", "1", MAVEN_QUALIFIER),
            // go-mvn-version follows Maven before 3.9. Since Maven 3.9, a qualifier after '.' and
            // after '-' compare alike.
            new Deviation("maven", "1-foo", "1.foo", "0", MAVEN_SEPARATOR),
            new Deviation("maven", "1-1-foo", "1-1.foo", "0", MAVEN_SEPARATOR),
            new Deviation("maven", "2-1", "2.0.a", "1",
                    "ComparableVersion reads 2.0.a as 2-a, a qualifier below the release 2, and 2-1 as above 2"),
            // rpmvercmp's raw-segment test compares an empty string; an empty EVR is not a version.
            new Deviation("rpm", "^", "", INVALID, "an empty string is not an RPM version"),
            // PEP 440 orders a local label above the plain version; only the == specifier ignores
            // it, which the constraint table checks.
            new Deviation("pep440", "2.0.0+cgr.1", "2.0.0", "1", PEP440_LOCAL));

    static Stream<PeerRow> rows() {
        return FILES.stream().flatMap(file -> PeerRow.read(file).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldCompareLikePeerTable(PeerRow row) {
        Optional<VersionScheme> scheme = PeerEcosystems.scheme(row.ecosystem());
        assumeTrue(scheme.isPresent(),
                () -> "skipped ecosystem " + row.ecosystem() + ": " + PeerEcosystems.SKIPPED.get(row.ecosystem()));

        String expected = expected(row);
        String actual = compare(row);

        assertThat(matches(expected, actual))
                .as("%s: expected %s, got %s", row, expected, actual)
                .isTrue();
    }

    @Test
    void shouldPassEveryCoveredRow() {
        Map<String, Integer> skipped = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int run = 0;
        int deviating = 0;
        for (PeerRow row : rows().toList()) {
            if (PeerEcosystems.scheme(row.ecosystem()).isEmpty()) {
                skipped.merge(row.ecosystem(), 1, Integer::sum);
                continue;
            }
            run++;
            if (DEVIATIONS.containsKey(Deviation.key(row))) {
                deviating++;
            }
            String expected = expected(row);
            String actual = compare(row);
            if (!matches(expected, actual)) {
                failures.add(row + " expected " + expected + ", got " + actual);
            }
        }
        LOG.info("peer compare rows: run {}, passed {}, decided against the peer file {}, skipped by ecosystem {}",
                run, run - failures.size(), deviating, skipped);

        assertThat(skipped.keySet()).isSubsetOf(PeerEcosystems.SKIPPED.keySet());
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldUseEveryDeviation() {
        List<String> keys = rows().map(Deviation::key).toList();

        assertThat(keys).containsAll(DEVIATIONS.keySet());
    }

    private static String expected(PeerRow row) {
        Deviation deviation = DEVIATIONS.get(Deviation.key(row));
        return deviation != null ? deviation.expected() : row.column(3);
    }

    private static String compare(PeerRow row) {
        VersionScheme scheme = PeerEcosystems.scheme(row.ecosystem()).orElseThrow();
        String a = row.column(1);
        String b = row.column(2);
        try {
            if (row.ecosystem().equals("npm-semver") && row.column(6).contains("options=loose")) {
                return String.valueOf(Integer.signum(new SemverComparator(true).compare(a, b)));
            }
            return String.valueOf(Integer.signum(scheme.compare(a, b)));
        } catch (InvalidVersionException e) {
            return INVALID;
        }
    }

    private static boolean matches(String expected, String actual) {
        if (expected.startsWith("!")) {
            return !actual.equals(INVALID) && !actual.equals(expected.substring(1));
        }
        return actual.equals(expected);
    }
}
