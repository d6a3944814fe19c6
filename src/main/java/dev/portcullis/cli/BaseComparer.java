package dev.portcullis.cli;

import dev.portcullis.base.VulnerabilityDelta;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageException;
import dev.portcullis.match.Finding;
import dev.portcullis.match.Matcher;
import dev.portcullis.vulndb.VulnDatabase;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the vulnerability difference of moving from one base image to another: both images are
 * cataloged and matched against the vulnerability database as {@code scan} does, and their
 * vulnerability ids compared. An image is a registry reference or a local image, as for {@code scan}.
 */
final class BaseComparer {

    private static final Logger LOG = LoggerFactory.getLogger(BaseComparer.class);

    private final InventoryScanner scanner;
    private final VulnDatabase database;

    BaseComparer(InventoryScanner scanner, VulnDatabase database) {
        this.scanner = scanner;
        this.database = database;
    }

    /** @throws ImageException when either image cannot be read, with a message naming it */
    VulnerabilityDelta compare(String current, String candidate) throws ImageException {
        Set<String> before = vulnerabilityIds(current);
        Set<String> after = vulnerabilityIds(candidate);
        VulnerabilityDelta delta = VulnerabilityDelta.of(current, candidate, before, after);
        LOG.info("Moving from {} to {}: {} fixed, {} added, {} unchanged", current, candidate, delta.fixed().size(),
                delta.added().size(), delta.unchanged().size());
        return delta;
    }

    private Set<String> vulnerabilityIds(String image) throws ImageException {
        Inventory inventory = scanner.scan(image);
        Set<String> ids = new TreeSet<>();
        for (Finding finding : new Matcher(database).match(inventory).findings()) {
            ids.add(finding.id());
        }
        LOG.debug("{} has {} packages and {} vulnerabilities", image, inventory.packages().size(), ids.size());
        return ids;
    }
}
