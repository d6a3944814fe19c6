package dev.portcullis.server.analysis;

import dev.portcullis.catalog.Inventory;

/**
 * Pulls and catalogs an image from a registry for the server. The CLI supplies the implementation,
 * since it owns the list of catalogers; a server started without one answers registry scan requests
 * with 501.
 */
public interface ImageScanner {

    /** Catalogs the image at a registry reference such as {@code registry.example/team/app:1.2}. */
    Inventory scan(String registryReference) throws Exception;
}
