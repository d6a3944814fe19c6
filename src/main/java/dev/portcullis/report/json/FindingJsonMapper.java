package dev.portcullis.report.json;

import dev.portcullis.match.Finding;
import dev.portcullis.match.MatchBasis;
import dev.portcullis.match.Rating;
import dev.portcullis.sbom.SbomPackages;
import dev.portcullis.vulndb.EpssScore;
import dev.portcullis.vulndb.KevEntry;
import java.util.Comparator;
import java.util.List;

/**
 * Converts findings to the wire records of {@link InventoryJson}, sorted by package (as the package
 * list is) and then by vulnerability id, so equal scans give equal JSON.
 */
final class FindingJsonMapper {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::pkg, SbomPackages.ORDER)
            .thenComparing(Finding::id);

    private FindingJsonMapper() {}

    static List<InventoryJson.FindingEntry> toJson(List<Finding> findings) {
        return findings.stream().sorted(ORDER).map(FindingJsonMapper::entry).toList();
    }

    private static InventoryJson.FindingEntry entry(Finding finding) {
        var pkg = finding.pkg();
        var packageRef = new InventoryJson.PackageRef(pkg.type().purlType(), pkg.name(), pkg.version(), pkg.purl(),
                pkg.source() == null ? null : pkg.source().name());
        return new InventoryJson.FindingEntry(finding.id(), finding.aliases(), finding.summary(), packageRef,
                finding.installedVersion(), finding.fixState().name(), finding.statusWords(), finding.fixedVersions(),
                finding.affectedRanges(), rating(finding.displayed()),
                finding.ratings().stream().map(FindingJsonMapper::rating).toList(), kev(finding.kev()),
                epss(finding.epss()), InventoryJsonMapper.layerRef(finding.layer()),
                finding.basis().stream().map(FindingJsonMapper::basis).toList());
    }

    private static InventoryJson.RatingEntry rating(Rating rating) {
        if (rating == null) {
            return null;
        }
        return new InventoryJson.RatingEntry(rating.level().word(), rating.source(), rating.type(), rating.score(),
                rating.vector());
    }

    private static InventoryJson.KevRef kev(KevEntry kev) {
        if (kev == null) {
            return null;
        }
        return new InventoryJson.KevRef(kev.dateAdded() == null ? null : kev.dateAdded().toString(), kev.dueDate() == null ? null
                : kev.dueDate().toString(), kev.knownRansomwareCampaignUse(), kev.requiredAction());
    }

    private static InventoryJson.EpssRef epss(EpssScore epss) {
        if (epss == null) {
            return null;
        }
        return new InventoryJson.EpssRef(epss.epss(), epss.percentile(), epss.date() == null ? null
                : epss.date().toString());
    }

    private static InventoryJson.BasisEntry basis(MatchBasis basis) {
        return new InventoryJson.BasisEntry(basis.source(), basis.advisoryId(), basis.ecosystem(), basis.packageName(),
                basis.explanation());
    }
}
