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
 * Runs every row of {@code ../shared/fixtures/peer/version-compare/grype-version-constraint.tsv}
 * (columns {@code ecosystem version constraint satisfied source note}) through
 * {@link Constraint#parse}.
 */
class PeerConstraintTest {

    private static final Logger LOG = LoggerFactory.getLogger(PeerConstraintTest.class);

    private static final String FILE = "grype-version-constraint.tsv";
    private static final String INVALID = "invalid";

    private static final String RPM_EPOCH =
            "rpm compares epochs even when only one side has one: rpmvercmp treats a missing epoch as 0";
    private static final String RPM_SEGMENTS =
            "rpmvercmp ranks the string with segments left as higher: 5.el8 < 5.el8.0.0";

    /**
     * Rows where we expect another result than Grype, decided on the rule of the upstream tool,
     * keyed by {@code ecosystem version constraint}.
     */
    private static final Map<String, Deviation> DEVIATIONS = Deviation.table(
            // Grype ignores an epoch present on one side only.
            new Deviation("rpm", "1:0", "< 1", "false", RPM_EPOCH),
            new Deviation("rpm", "1.0", "< 2:1.0", "true", RPM_EPOCH),
            new Deviation("rpm", "2:4.19.01-1.el7_5", "<= 4.19.1-1.el7_5", "false", RPM_EPOCH),
            new Deviation("rpm", "4.19.01-1.el7_5", "< 2:4.19.1-1.el7_5", "true", RPM_EPOCH),
            new Deviation("rpm", "4.19.0-1.el7_5", "< 12:4.19.0-1.el7", "true", RPM_EPOCH),
            new Deviation("rpm", "4.19.0-1.el7_5", "<= 12:4.19.0-1.el7", "true", RPM_EPOCH),
            new Deviation("rpm", "3:4.19.0-1.el7_5", "< 4.21.0-1.el7", "false", RPM_EPOCH),
            // Grype treats trailing zero segments of a release as absent.
            new Deviation("rpm", "8.3.1-5.el8", "< 0:8.3.1-5.el8.0.0", "true", RPM_SEGMENTS),
            new Deviation("rpm", "8.3.1-5.el8.0.0", "> 0:8.3.1-5.el8", "true", RPM_SEGMENTS));

    static Stream<PeerRow> rows() {
        return PeerRow.read(FILE).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldEvaluateLikePeerTable(PeerRow row) {
        Optional<VersionScheme> scheme = PeerEcosystems.scheme(row.ecosystem());
        assumeTrue(scheme.isPresent(),
                () -> "skipped ecosystem " + row.ecosystem() + ": " + PeerEcosystems.SKIPPED.get(row.ecosystem()));

        String expected = expected(row);
        String actual = evaluate(scheme.get(), row);

        assertThat(actual).as("%s (%s)", row, row.column(5)).isEqualTo(expected);
    }

    @Test
    void shouldPassEveryCoveredRow() {
        Map<String, Integer> skipped = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int run = 0;
        int deviating = 0;
        for (PeerRow row : rows().toList()) {
            Optional<VersionScheme> scheme = PeerEcosystems.scheme(row.ecosystem());
            if (scheme.isEmpty()) {
                skipped.merge(row.ecosystem(), 1, Integer::sum);
                continue;
            }
            run++;
            if (DEVIATIONS.containsKey(Deviation.key(row))) {
                deviating++;
            }
            String expected = expected(row);
            String actual = evaluate(scheme.get(), row);
            if (!actual.equals(expected)) {
                failures.add(row + " expected " + expected + ", got " + actual + " (" + row.column(5) + ")");
            }
        }
        LOG.info("peer constraint rows: run {}, passed {}, decided against the peer file {}, skipped by ecosystem {}",
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

    private static String evaluate(VersionScheme scheme, PeerRow row) {
        try {
            return String.valueOf(Constraint.parse(scheme, row.column(2)).contains(row.column(1)));
        } catch (InvalidVersionException | InvalidConstraintException e) {
            return INVALID;
        }
    }
}
