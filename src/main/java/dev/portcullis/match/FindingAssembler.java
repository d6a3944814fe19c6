package dev.portcullis.match;

import dev.portcullis.catalog.Package;
import dev.portcullis.version.VersionScheme;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.CvssMetric;
import dev.portcullis.vulndb.EpssScore;
import dev.portcullis.vulndb.KevEntry;
import dev.portcullis.vulndb.VulnDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds one {@link Finding} from the records of one vulnerability, adding the KEV entry, the EPSS
 * score and the NVD CVSS metrics of its CVE.
 */
final class FindingAssembler {

    private final VulnDatabase database;

    FindingAssembler(VulnDatabase database) {
        this.database = database;
    }

    /**
     * @param group every candidate of the vulnerability, for its ids
     * @param deciding the open candidates that make it a finding
     */
    Finding assemble(Package pkg, List<Candidate> group, List<Candidate> deciding) {
        Set<String> ids = new LinkedHashSet<>();
        group.forEach(candidate -> ids.add(candidate.advisory().id()));
        boolean onlyUmbrellas = group.stream().allMatch(c -> AliasGroups.isUmbrella(c.advisory().id()));
        for (Candidate candidate : group) {
            // A distro advisory lists every CVE it fixes, most of them other vulnerabilities, so its
            // aliases count only when it was matched alone.
            if (onlyUmbrellas || !AliasGroups.isUmbrella(candidate.advisory().id())) {
                ids.addAll(candidate.advisory().aliases());
            }
        }
        String id = mainId(ids);
        List<String> aliases = ids.stream().filter(other -> !other.equals(id)).sorted().toList();

        Candidate first = best(deciding);
        String cve = id.startsWith("CVE-") ? id : null;
        KevEntry kev = cve == null ? null : database.kev(cve).orElse(null);
        EpssScore epss = cve == null ? null : database.epss(cve).orElse(null);
        List<CvssMetric> nvd = cve == null ? List.of() : database.cvss(cve);
        SeverityChooser.Choice severity = SeverityChooser.choose(deciding, nvd);

        return new Finding(pkg, pkg.version(), id, aliases, summary(group),
                deciding.stream().map(c -> c.advisory().source() + " " + c.advisory().id() + ": " + RangeText.of(c.entry()))
                        .distinct().toList(),
                first.verdict().fixState(), first.verdict().statusWords(), fixedVersions(pkg, deciding),
                severity.ratings(), severity.displayed(), kev, epss,
                deciding.stream().map(Candidate::basis).distinct().toList());
    }

    /** Returns the first CVE id, else the first record's id. */
    static String mainId(Set<String> ids) {
        return ids.stream().filter(other -> other.startsWith("CVE-")).findFirst().orElse(ids.iterator().next());
    }

    /** Returns the candidate whose words the report shows: a fixed one first, then the first found. */
    private static Candidate best(List<Candidate> deciding) {
        return deciding.stream()
                .filter(candidate -> candidate.verdict().fixState() == FixState.FIXED)
                .findFirst()
                .orElse(deciding.getFirst());
    }

    private static String summary(List<Candidate> group) {
        return group.stream()
                .map(Candidate::advisory)
                .map(Advisory::summary)
                .filter(text -> text != null && !text.isBlank())
                .findFirst()
                .orElse(null);
    }

    private static List<String> fixedVersions(Package pkg, List<Candidate> deciding) {
        VersionScheme scheme = Schemes.of(pkg.type());
        List<String> fixed = new ArrayList<>(deciding.stream()
                .flatMap(candidate -> candidate.verdict().fixedVersions().stream())
                .distinct()
                .toList());
        fixed.sort(Comparator.comparing(version -> version, (a, b) -> {
            try {
                return scheme.compare(a, b);
            } catch (IllegalArgumentException e) {
                return a.compareTo(b);
            }
        }));
        return fixed;
    }
}
