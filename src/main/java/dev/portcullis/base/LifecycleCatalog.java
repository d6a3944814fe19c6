package dev.portcullis.base;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.ProductRelease;
import dev.portcullis.vulndb.ReleaseCycle;
import dev.portcullis.vulndb.SecuritySupportLimit;
import dev.portcullis.vulndb.VulnDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle data of the vulnerability database as base-image checks need it. A product's lines
 * from a dedicated source (the Node.js schedule, distro-info-data, Alpine's releases) win over
 * endoflife.date's, which fill in only for products that no dedicated source covers.
 */
final class LifecycleCatalog {

    static final String ENDOFLIFE_DATE = "endoflife.date";

    private final VulnDatabase database;
    private final Map<String, List<ReleaseCycle>> cycles = new HashMap<>();

    LifecycleCatalog(VulnDatabase database) {
        this.database = database;
    }

    /** Returns the release lines of a product, ordered by line. */
    List<ReleaseCycle> cycles(String product) {
        return cycles.computeIfAbsent(product, key -> {
            List<ReleaseCycle> all = database.releaseCycles(key);
            List<ReleaseCycle> dedicated = all.stream().filter(cycle -> !cycle.source().equals(ENDOFLIFE_DATE)).toList();
            List<ReleaseCycle> chosen = dedicated.isEmpty() ? all : dedicated;
            return chosen.stream().sorted((a, b) -> DottedVersion.ORDER.compare(a.cycle(), b.cycle())).toList();
        });
    }

    /** Finds a line by its name ({@code 20}, {@code 22.04}) or codename ({@code iron}, {@code bookworm}). */
    Optional<ReleaseCycle> line(String product, String nameOrCodename) {
        String expected = nameOrCodename.toLowerCase(Locale.ROOT);
        return cycles(product).stream()
                .filter(cycle -> cycle.cycle().equals(expected) || expected.equals(cycle.codename()))
                .findFirst();
    }

    List<ProductRelease> releases(String product) {
        return database.productReleases(product);
    }

    List<SecuritySupportLimit> securitySupportLimits(String distro, String release) {
        return database.securitySupportLimits(distro, release);
    }

    /** Returns the Node.js runtime advisories (ecosystem {@code nodejs}, package {@code node}). */
    List<Advisory> nodeAdvisories() {
        return database.advisories("nodejs", "node");
    }
}
