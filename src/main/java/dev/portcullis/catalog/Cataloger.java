package dev.portcullis.catalog;

import dev.portcullis.image.FileRequest;
import java.util.List;

/**
 * Finds packages of one package database or manifest format. Catalogers are pure parsers over a
 * {@link dev.portcullis.image.FileResolver}, so images, folders and test fixtures feed the same code.
 */
public interface Cataloger {

    /** Kebab-case name recorded on every package it finds, for example {@code dpkg-db-cataloger}. */
    String name();

    /** The files whose content this cataloger reads; the image reader keeps only these. */
    FileRequest request();

    /** Returns the packages found; a bad record is reported through the context and skipped. */
    List<Package> catalog(CatalogContext context);

    /**
     * Returns the packages found with the relationships among them. Catalogers whose files record
     * dependencies override this, and the default returns no relationships.
     */
    default CatalogResult catalogWithDependencies(CatalogContext context) {
        return new CatalogResult(catalog(context), List.of());
    }
}
