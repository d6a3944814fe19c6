package dev.portcullis.catalog;

import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.Skipped;
import java.time.Instant;
import java.util.List;

/**
 * The result of a scan before matching: the image, its distro and every package found.
 *
 * @param skipped what could not be read, so that the report can say the result is partial
 * @param dependencies relationships among the packages and from the image or project folder to the
 *     packages it uses directly, possibly empty
 */
public record Inventory(
        ImageMetadata image, Distro distro, List<Package> packages, List<Skipped> skipped, Instant scannedAt,
        String toolVersion, List<Dependency> dependencies) {

    public Inventory {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    /** Creates an inventory without relationships. */
    public Inventory(ImageMetadata image, Distro distro, List<Package> packages, List<Skipped> skipped,
            Instant scannedAt, String toolVersion) {
        this(image, distro, packages, skipped, scannedAt, toolVersion, List.of());
    }
}
