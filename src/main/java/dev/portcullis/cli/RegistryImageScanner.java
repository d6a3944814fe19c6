package dev.portcullis.cli;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.ReadProgress;
import dev.portcullis.image.registry.RegistryOptions;
import dev.portcullis.server.analysis.ImageScanner;

/**
 * Scans registry images for the server with the same catalogers as {@code portcullis scan}. Every
 * reference is read with the {@code registry:} prefix, so a request can never make the server read a
 * local path.
 */
public final class RegistryImageScanner implements ImageScanner {

    private final ImageOptions imageOptions;
    private final ImageLocator locator;

    public RegistryImageScanner(RegistryOptions registryOptions, String platform) {
        this.imageOptions = new ImageOptions(platform, ImageOptions.DEFAULT_MAX_IN_MEMORY, null, ReadProgress.NONE);
        this.locator = new ImageLocator(registryOptions, platform);
    }

    @Override
    public Inventory scan(String registryReference) throws ImageException {
        return new InventoryScanner(imageOptions, locator).scan("registry:" + registryReference);
    }
}
