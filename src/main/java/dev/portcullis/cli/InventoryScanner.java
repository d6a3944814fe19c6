package dev.portcullis.cli;

import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.npm.NpmCatalogers;
import dev.portcullis.catalog.runtime.NodeRuntimeCataloger;
import dev.portcullis.catalog.registry.CatalogerRegistry;
import dev.portcullis.catalog.registry.Cataloging;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.OpenedImage;
import java.util.ArrayList;
import java.util.List;

/** Opens an image with the files every cataloger requests and catalogs it into an inventory. */
final class InventoryScanner {

    private final ImageOptions options;

    InventoryScanner(ImageOptions options) {
        this.options = options;
    }

    Inventory scan(String reference) throws ImageException {
        Cataloging cataloging = new Cataloging(catalogers());
        try (OpenedImage image = new ImageOpener(options).open(reference, cataloging.request())) {
            return cataloging.run(image, VersionProvider.version());
        }
    }

    private static List<Cataloger> catalogers() {
        List<Cataloger> all = new ArrayList<>(CatalogerRegistry.osCatalogers());
        all.addAll(NpmCatalogers.forImage());
        all.add(new NodeRuntimeCataloger());
        return all;
    }
}
