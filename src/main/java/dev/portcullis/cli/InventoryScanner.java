package dev.portcullis.cli;

import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.dotnet.DotnetDepsCataloger;
import dev.portcullis.catalog.golang.GoBinaryCataloger;
import dev.portcullis.catalog.golang.GoModCataloger;
import dev.portcullis.catalog.java.JavaArchiveCataloger;
import dev.portcullis.catalog.npm.NpmCatalogers;
import dev.portcullis.catalog.php.ComposerLockCataloger;
import dev.portcullis.catalog.python.PipfileLockCataloger;
import dev.portcullis.catalog.python.PoetryLockCataloger;
import dev.portcullis.catalog.python.PythonInstalledCataloger;
import dev.portcullis.catalog.python.RequirementsCataloger;
import dev.portcullis.catalog.python.UvLockCataloger;
import dev.portcullis.catalog.runtime.NodeRuntimeCataloger;
import dev.portcullis.catalog.registry.CatalogerRegistry;
import dev.portcullis.catalog.registry.Cataloging;
import dev.portcullis.catalog.ruby.GemfileLockCataloger;
import dev.portcullis.catalog.rust.CargoLockCataloger;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.image.SourceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens an image or project folder with the files every cataloger requests and catalogs it into an
 * inventory. Images are cataloged from what is installed; project folders from their lockfiles, since
 * nothing is installed there yet.
 */
final class InventoryScanner {

    private final ImageOptions options;
    private final ImageLocator locator;
    private final ImageInspection inspection;

    InventoryScanner(ImageOptions options, ImageLocator locator) {
        this(options, locator, null);
    }

    /**
     * Creates a scanner that also runs {@code inspection} on every image it opens, right after cataloging.
     * The image is then opened with its layer entries, which costs one small record per archive entry.
     */
    InventoryScanner(ImageOptions options, ImageLocator locator, ImageInspection inspection) {
        this.options = options;
        this.locator = locator;
        this.inspection = inspection;
    }

    Inventory scan(String reference) throws ImageException {
        return scan(reference, FileRequest.none(), (image, inventory) -> inventory);
    }

    /**
     * Catalogs the image and hands the still open image to {@code action}, so that later stages can
     * read files that {@code extra} requested, such as changelogs for triage.
     */
    <R> R scan(String reference, FileRequest extra, ScanAction<R> action) throws ImageException {
        ImageLocator.Located located = locator.locate(reference);
        Cataloging installed = new Cataloging(imageCatalogers());
        Cataloging declared = new Cataloging(projectCatalogers());
        FileRequest request = installed.request().or(declared.request()).or(extra);
        ImageOpener opener = new ImageOpener(options);
        try (OpenedImage image = inspection == null ? opener.open(located.localReference(), request)
                : opener.openWithLayerEntries(located.localReference(), request.or(inspection.request()))) {
            Cataloging chosen = image.metadata().kind() == SourceKind.PROJECT ? declared : installed;
            Inventory cataloged = chosen.run(image, VersionProvider.version());
            Inventory inventory = located.fromRegistry() ? asRegistryImage(cataloged, reference) : cataloged;
            if (inspection != null) {
                inspection.inspect(image, inventory);
            }
            return action.apply(image, inventory);
        }
    }

    /** Work on an open image besides cataloging, such as the image audit, with the files it reads. */
    interface ImageInspection {

        /** Returns the files whose content {@link #inspect} reads. */
        FileRequest request();

        void inspect(OpenedImage image, Inventory inventory) throws ImageException;
    }

    /** Work done on an image while it is open. */
    @FunctionalInterface
    interface ScanAction<R> {
        R apply(OpenedImage image, Inventory inventory) throws ImageException;
    }

    /** Names the registry reference, not the cache folder it was pulled into. */
    private static Inventory asRegistryImage(Inventory inventory, String reference) {
        ImageMetadata pulled = inventory.image();
        ImageMetadata named = new ImageMetadata(reference, SourceKind.REGISTRY, pulled.manifestDigest(),
                pulled.configDigest(), pulled.tags(), pulled.config(), pulled.layers());
        return new Inventory(named, inventory.distro(), inventory.packages(), inventory.skipped(),
                inventory.scannedAt(), inventory.toolVersion(), inventory.dependencies());
    }

    private static List<Cataloger> imageCatalogers() {
        List<Cataloger> all = new ArrayList<>(CatalogerRegistry.osCatalogers());
        all.addAll(NpmCatalogers.forImage());
        all.addAll(List.of(new JavaArchiveCataloger(), new PythonInstalledCataloger(), new GoBinaryCataloger(),
                new GemfileLockCataloger(), new CargoLockCataloger(), new ComposerLockCataloger(),
                new DotnetDepsCataloger(), new NodeRuntimeCataloger()));
        return all;
    }

    private static List<Cataloger> projectCatalogers() {
        List<Cataloger> all = new ArrayList<>(NpmCatalogers.forProject());
        all.addAll(List.of(new JavaArchiveCataloger(), new RequirementsCataloger(), new PoetryLockCataloger(),
                new PipfileLockCataloger(), new UvLockCataloger(), new GoModCataloger(), new GemfileLockCataloger(),
                new CargoLockCataloger(), new ComposerLockCataloger(), new DotnetDepsCataloger()));
        return all;
    }
}
