package dev.portcullis.match;

import java.util.List;

/**
 * The outcome of comparing a package with one affected entry.
 *
 * @param open whether the entry leaves the package vulnerable
 * @param fixState for an open verdict, whether a fix exists; null for a closed one
 * @param statusWords for an open verdict, the words the report shows, for example {@code no fix (no-dsa)}
 * @param fixedVersions versions that fix the vulnerability for this package, possibly empty
 * @param explanation the comparison in words, kept as match evidence
 */
record Verdict(boolean open, FixState fixState, String statusWords, List<String> fixedVersions, String explanation) {

    Verdict {
        fixedVersions = List.copyOf(fixedVersions);
    }

    static Verdict open(FixState state, String statusWords, List<String> fixedVersions, String explanation) {
        return new Verdict(true, state, statusWords, fixedVersions, explanation);
    }

    static Verdict closed(String explanation) {
        return new Verdict(false, null, null, List.of(), explanation);
    }
}
