package dev.portcullis.match;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;

/**
 * One affected entry of one record compared with one package.
 *
 * @param advisory the record, holding only the entries for this package
 * @param entry the entry compared
 * @param tier 0 for an entry of the package's own release or ecosystem, 1 for a distro-wide default
 *     entry that applies only where a release has no entry of its own
 * @param distro whether the entry is distro data, whose fixed or not-affected word closes the
 *     vulnerability for the release even when another record of the same tier leaves it open
 * @param verdict the outcome
 */
record Candidate(Advisory advisory, Affected entry, int tier, boolean distro, Verdict verdict) {

    MatchBasis basis() {
        return new MatchBasis(advisory.source(), advisory.id(), entry.ecosystem(), entry.packageName(),
                verdict.explanation());
    }
}
