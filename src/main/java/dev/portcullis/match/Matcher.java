package dev.portcullis.match;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.Skipped;
import dev.portcullis.vulndb.VulnDatabase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches every package of an inventory against a vulnerability database.
 *
 * <pre>{@code
 * try (VulnDatabase db = VulnDatabase.open(path)) {
 *     MatchResult result = new Matcher(db).match(inventory);
 *     result.findings(); // [Finding[pkg=lodash 4.17.15, id=CVE-2020-8203, statusWords=fixed in 4.17.19, ...], ...]
 * }
 * }</pre>
 *
 * <p>A vulnerability is reported for a package when, among the records of that vulnerability
 * (grouped by {@link AliasGroups}), the entries of the package's own release or ecosystem leave it
 * open; distro-wide default entries count only where the release has none. For distro data a
 * {@code fixed} at or below the installed version or {@code not-affected} in the release closes
 * it, whatever other records of the group state. For language ecosystems any record that contains
 * the installed version opens it.
 *
 * <p>An instance keeps the records it skipped during one {@link #match(Inventory)} call, so it is not
 * safe for use by several threads at once, as its {@link VulnDatabase} is not.
 */
public final class Matcher {

    private static final Logger LOG = LoggerFactory.getLogger(Matcher.class);

    private final DistroMatcher distro;
    private final EcosystemMatcher ecosystems;
    private final NodeRuntimeMatcher nodeRuntime;
    private final FindingAssembler assembler;
    private final List<Skipped> skipped = new ArrayList<>();

    public Matcher(VulnDatabase database) {
        this.distro = new DistroMatcher(database, skipped::add);
        this.ecosystems = new EcosystemMatcher(database, skipped::add);
        this.nodeRuntime = new NodeRuntimeMatcher(database, skipped::add);
        this.assembler = new FindingAssembler(database);
    }

    /** Returns the findings in inventory order, and the records that could not be compared. */
    public MatchResult match(Inventory inventory) {
        skipped.clear();
        List<Finding> findings = new ArrayList<>();
        for (Package pkg : inventory.packages()) {
            findings.addAll(match(pkg, inventory.distro()));
        }
        if (!skipped.isEmpty()) {
            LOG.warn("Skipped {} vulnerability records whose versions could not be compared; the report lists them",
                    skipped.size());
        }
        LOG.debug("Matched {} packages: {} findings", inventory.packages().size(), findings.size());
        return new MatchResult(findings, List.copyOf(skipped));
    }

    /** Returns the findings of one package, sorted by id. */
    public List<Finding> match(Package pkg, Distro distroOfImage) {
        List<Candidate> candidates = candidates(pkg, distroOfImage);
        List<Finding> findings = new ArrayList<>();
        for (List<Candidate> group : AliasGroups.group(candidates)) {
            List<Candidate> deciding = deciding(group);
            if (!deciding.isEmpty()) {
                findings.add(assembler.assemble(pkg, group, deciding));
            }
        }
        findings.sort(java.util.Comparator.comparing(Finding::id));
        return findings;
    }

    private List<Candidate> candidates(Package pkg, Distro distroOfImage) {
        if (pkg.type() == PackageType.DEB || pkg.type() == PackageType.APK) {
            return distro.candidates(pkg, distroOfImage);
        }
        if (NodeRuntimeMatcher.isNodeRuntime(pkg)) {
            return nodeRuntime.candidates(pkg);
        }
        return ecosystems.candidates(pkg);
    }

    /** Returns the open candidates that make the group a finding, or none when the group is closed. */
    static List<Candidate> deciding(List<Candidate> group) {
        int tier = group.stream().mapToInt(Candidate::tier).min().orElse(0);
        List<Candidate> sameTier = group.stream().filter(c -> c.tier() == tier).toList();
        boolean closedByDistro = sameTier.stream().anyMatch(c -> c.distro() && !c.verdict().open());
        if (closedByDistro) {
            return List.of();
        }
        return sameTier.stream().filter(c -> c.verdict().open()).toList();
    }
}
