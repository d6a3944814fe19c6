package dev.portcullis.triage.imported;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.match.Finding;
import dev.portcullis.match.FixState;
import dev.portcullis.match.Level;
import dev.portcullis.match.MatchBasis;
import dev.portcullis.match.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns another scanner's findings into findings on the image's own packages, so that triage can
 * judge them. A reported package is found by its purl (type, name and version, ignoring the namespace),
 * else by name and version. A finding whose package the image does not contain is kept as not matched.
 *
 * <pre>{@code
 * ReportedFindings.Mapping mapping = ReportedFindings.map(reported, inventory);
 * mapping.findings();   // one Finding per reported finding whose package the image contains
 * mapping.notMatched(); // the rest, to report
 * }</pre>
 */
public final class ReportedFindings {

    /**
     * The outcome of mapping a report onto an inventory.
     *
     * @param findings the findings on packages the image contains
     * @param notMatched the reported findings whose package the image does not contain
     */
    public record Mapping(List<Finding> findings, List<ReportedFinding> notMatched) {

        public Mapping {
            findings = List.copyOf(findings);
            notMatched = List.copyOf(notMatched);
        }
    }

    private ReportedFindings() {}

    public static Mapping map(List<ReportedFinding> reported, Inventory inventory) {
        List<Finding> findings = new ArrayList<>();
        List<ReportedFinding> notMatched = new ArrayList<>();
        for (ReportedFinding finding : reported) {
            Optional<Package> pkg = find(finding, inventory.packages());
            if (pkg.isPresent()) {
                findings.add(toFinding(finding, pkg.get()));
            } else {
                notMatched.add(finding);
            }
        }
        return new Mapping(findings, notMatched);
    }

    private static Optional<Package> find(ReportedFinding finding, List<Package> packages) {
        Optional<PackageURL> purl = purl(finding.purl());
        if (purl.isPresent()) {
            Optional<Package> byPurl = packages.stream()
                    .filter(pkg -> purl(pkg.purl()).filter(own -> samePackage(own, purl.get())).isPresent())
                    .findFirst();
            if (byPurl.isPresent()) {
                return byPurl;
            }
        }
        return packages.stream()
                .filter(pkg -> pkg.name().equals(finding.packageName()) && sameVersion(pkg.version(),
                        finding.installedVersion()))
                .findFirst();
    }

    private static boolean samePackage(PackageURL own, PackageURL reported) {
        return own.getType().equals(reported.getType()) && own.getName().equals(reported.getName())
                && sameVersion(own.getVersion(), reported.getVersion());
    }

    /** Compares versions, ignoring a Debian epoch one side writes and the other omits. */
    private static boolean sameVersion(String own, String reported) {
        if (own == null || reported == null) {
            return false;
        }
        return own.equals(reported) || withoutEpoch(own).equals(withoutEpoch(reported));
    }

    private static String withoutEpoch(String version) {
        int colon = version.indexOf(':');
        return colon > 0 && version.substring(0, colon).chars().allMatch(Character::isDigit)
                ? version.substring(colon + 1) : version;
    }

    private static Optional<PackageURL> purl(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PackageURL(text));
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }

    private static Finding toFinding(ReportedFinding reported, Package pkg) {
        boolean fixed = reported.fixedVersion() != null;
        Level level = Level.ofWord(reported.severity()).orElse(Level.UNKNOWN);
        Rating rating = reported.severity() == null ? null
                : new Rating(reported.scanner(), "SCANNER", level, null, reported.severity());
        String statusWords = fixed ? "fixed in " + reported.fixedVersion()
                : "no fix per the " + reported.scanner() + " report";
        MatchBasis basis = new MatchBasis(reported.scanner() + " report", reported.id(), pkg.type().name()
                .toLowerCase(java.util.Locale.ROOT), pkg.name(), reported.scanner() + " reported "
                + reported.packageName() + " " + reported.installedVersion() + (fixed ? ", fixed in "
                + reported.fixedVersion() : ", with no fixed version"));
        return new Finding(pkg, pkg.version(), reported.id(), List.of(), null, List.of(),
                fixed ? FixState.FIXED : FixState.NOT_FIXED, statusWords,
                fixed ? List.of(reported.fixedVersion()) : List.of(), rating == null ? List.of() : List.of(rating),
                rating, null, null, List.of(basis));
    }
}
