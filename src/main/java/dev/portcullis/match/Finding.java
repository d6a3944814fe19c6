package dev.portcullis.match;

import dev.portcullis.catalog.Package;
import dev.portcullis.image.Layer;
import dev.portcullis.vulndb.EpssScore;
import dev.portcullis.vulndb.KevEntry;
import java.util.List;

/**
 * A package matched to one vulnerability. A vulnerability that several sources know under several
 * ids (CVE, GHSA, DSA, NSWG) is one finding per package, and every source's facts stay attached.
 *
 * <p>Example: {@code libc6 2.36-9+deb12u14}, id {@code CVE-2025-0395}, fix state
 * {@link FixState#NOT_FIXED}, status words {@code no-dsa (Minor issue)}, displayed rating
 * {@code low} from {@code debian-tracker}.
 *
 * @param pkg the matched package, with the layer that added it
 * @param installedVersion the version compared, as installed (the full binary version for distro
 *     packages)
 * @param id the vulnerability's main id: its CVE when any source names one, else the first record's id
 * @param aliases every other id of the vulnerability, sorted
 * @param summary a one-line title from the first source that has one, or null
 * @param affectedRanges the affected ranges or status words per record, as the sources wrote them
 * @param fixState whether and how a fix exists for this package's ecosystem or release
 * @param statusWords what the table shows, for example {@code fixed in 4.17.21},
 *     {@code no fix (no-dsa)}, {@code will not fix}
 * @param fixedVersions versions that fix the vulnerability for this package, lowest first
 * @param ratings every severity rating found, with its source
 * @param displayed the rating chosen by {@link SeverityChooser}, or null when no source rates it
 * @param kev the CISA KEV entry when the vulnerability is known to be exploited, or null
 * @param epss the EPSS estimate, or null
 * @param basis how each matching record matched
 */
public record Finding(
        Package pkg,
        String installedVersion,
        String id,
        List<String> aliases,
        String summary,
        List<String> affectedRanges,
        FixState fixState,
        String statusWords,
        List<String> fixedVersions,
        List<Rating> ratings,
        Rating displayed,
        KevEntry kev,
        EpssScore epss,
        List<MatchBasis> basis) {

    public Finding {
        aliases = List.copyOf(aliases);
        affectedRanges = List.copyOf(affectedRanges);
        fixedVersions = List.copyOf(fixedVersions);
        ratings = List.copyOf(ratings);
        basis = List.copyOf(basis);
    }

    /** Returns the displayed level, or {@link Level#UNKNOWN} when no source rates the vulnerability. */
    public Level level() {
        return displayed == null ? Level.UNKNOWN : displayed.level();
    }

    /** Returns the layer that added the package, or null when unknown. */
    public Layer layer() {
        return pkg.layer();
    }

    public boolean inKev() {
        return kev != null;
    }

    /** Returns every id of the vulnerability, the main one first. */
    public List<String> ids() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(id), aliases.stream()).toList();
    }
}
