package dev.portcullis.match;

import dev.portcullis.vulndb.CvssMetric;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects every rating of a finding and chooses the one to display, in this order:
 * <ol>
 *   <li>for distro packages, the distro's own rating: the urgency of the release entry that
 *       matched, else the record's overall urgency (the Debian tracker's {@code unimportant},
 *       {@code low}, ...), because it judges the package as the distro built it;</li>
 *   <li>the NVD primary CVSS score, version 3.1 first, then 4.0, then 3.0;</li>
 *   <li>the advisory's own rating: a scored CVSS metric or a level word (GHSA, Node.js);</li>
 *   <li>any other rating with a known level.</li>
 * </ol>
 * A finding no source rates has no displayed rating, shown as {@link Level#UNKNOWN}.
 */
final class SeverityChooser {

    private static final List<String> NVD_VERSIONS = List.of("3.1", "4.0", "3.0");

    private SeverityChooser() {}

    /** All ratings and the displayed one. */
    record Choice(List<Rating> ratings, Rating displayed) {}

    static Choice choose(List<Candidate> matched, List<CvssMetric> nvd) {
        List<Rating> distro = new ArrayList<>();
        List<Rating> advisory = new ArrayList<>();
        for (Candidate candidate : matched) {
            DistroStatus status = candidate.entry().status();
            if (status != null && status.urgency() != null) {
                Level.ofWord(status.urgency()).ifPresent(level -> add(distro, new Rating(candidate.advisory().source(),
                        "DEBIAN_URGENCY", level, null, status.urgency())));
            }
        }
        for (Candidate candidate : matched) {
            for (Severity severity : candidate.advisory().severities()) {
                Rating rating = rating(severity);
                add("DEBIAN_URGENCY".equals(severity.type()) ? distro : advisory, rating);
            }
        }
        List<Rating> nvdRatings = nvd.stream().map(SeverityChooser::rating).toList();

        List<Rating> all = new ArrayList<>(distro);
        nvdRatings.forEach(rating -> add(all, rating));
        advisory.forEach(rating -> add(all, rating));
        return new Choice(all, displayed(distro, nvd, nvdRatings, advisory).orElse(null));
    }

    private static Optional<Rating> displayed(List<Rating> distro, List<CvssMetric> nvd, List<Rating> nvdRatings,
            List<Rating> advisory) {
        Optional<Rating> own = known(distro);
        if (own.isPresent()) {
            return own;
        }
        for (String version : NVD_VERSIONS) {
            for (int i = 0; i < nvd.size(); i++) {
                if ("Primary".equalsIgnoreCase(nvd.get(i).type()) && version.equals(nvd.get(i).version())) {
                    return Optional.of(nvdRatings.get(i));
                }
            }
        }
        Optional<Rating> fromAdvisory = known(advisory);
        return fromAdvisory.isPresent() ? fromAdvisory : known(nvdRatings);
    }

    private static Optional<Rating> known(List<Rating> ratings) {
        return ratings.stream().filter(rating -> rating.level() != Level.UNKNOWN).findFirst();
    }

    private static Rating rating(Severity severity) {
        Level level = severity.score() != null
                ? Level.ofScore(severity.score())
                : Level.ofWord(severity.vector()).orElse(Level.UNKNOWN);
        return new Rating(severity.source(), severity.type(), level, severity.score(), severity.vector());
    }

    private static Rating rating(CvssMetric metric) {
        Level level = Level.ofWord(metric.baseSeverity()).orElse(Level.ofScore(metric.baseScore()));
        return new Rating("nvd (" + metric.source() + ", " + metric.type() + ")", "CVSS_V" + metric.version(), level,
                metric.baseScore(), metric.vector());
    }

    private static void add(List<Rating> ratings, Rating rating) {
        if (!ratings.contains(rating)) {
            ratings.add(rating);
        }
    }
}
