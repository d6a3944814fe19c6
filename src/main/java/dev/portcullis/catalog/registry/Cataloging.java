package dev.portcullis.catalog.registry;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.CatalogResult;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.os.DistroDetector;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.Layer;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.image.Skipped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an {@link Inventory} from an opened image: detects the distro, runs every cataloger and
 * collects what the image reader and the catalogers skipped. A cataloger that fails with an unexpected
 * error is recorded as skipped, and the other catalogers still run.
 *
 * <p>Example: {@code new Cataloging(CatalogerRegistry.osCatalogers()).run(image, "0.1.0")} returns the
 * image's Debian, Alpine or rpm packages with {@code scannedAt} set to now.
 */
public final class Cataloging {

    private static final Logger LOG = LoggerFactory.getLogger(Cataloging.class);

    private final List<Cataloger> catalogers;
    private final DistroDetector detector = new DistroDetector();
    private final Clock clock;

    public Cataloging(List<Cataloger> catalogers) {
        this(catalogers, Clock.systemUTC());
    }

    public Cataloging(List<Cataloger> catalogers, Clock clock) {
        this.catalogers = List.copyOf(catalogers);
        this.clock = clock;
    }

    /** Returns the request to pass to the image reader so that it keeps every file this run reads. */
    public FileRequest request() {
        return CatalogerRegistry.request(catalogers);
    }

    /** Catalogs the image and records {@code toolVersion} in the inventory. */
    public Inventory run(OpenedImage image, String toolVersion) {
        ImageMetadata metadata = image.metadata();
        List<Layer> layers = metadata.layers() == null ? List.of() : metadata.layers();
        List<Skipped> skipped = new ArrayList<>(image.skipped());
        Distro distro = detector.detect(image.files());
        LOG.debug("Detected distro {} in {}", distro, metadata.reference());

        List<Package> packages = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        CatalogContext context = new CatalogContext(image.files(), distro, layers, skipped::add);
        for (Cataloger cataloger : catalogers) {
            try {
                CatalogResult found = cataloger.catalogWithDependencies(context);
                LOG.debug("{} found {} packages and {} relationships", cataloger.name(), found.packages().size(),
                        found.dependencies().size());
                packages.addAll(found.packages());
                dependencies.addAll(found.dependencies());
            } catch (RuntimeException e) {
                LOG.warn("{} failed on {}; continuing with the other catalogers", cataloger.name(),
                        metadata.reference(), e);
                skipped.add(new Skipped(cataloger.name(), "the cataloger failed, so its packages are missing: " + e));
            }
        }
        return new Inventory(metadata, distro, List.copyOf(packages), List.copyOf(skipped), clock.instant(),
                toolVersion, List.copyOf(dependencies));
    }
}
