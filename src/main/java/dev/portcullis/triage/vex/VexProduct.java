package dev.portcullis.triage.vex;

import java.util.List;

/**
 * A product a statement speaks of: a package URL, and the packages inside it that the statement
 * narrows to. An image as product is a {@code pkg:oci} URL.
 *
 * @param purl the product's package URL, or null when the document identified it otherwise
 * @param subcomponents package URLs of the components inside the product, possibly empty
 */
public record VexProduct(String purl, List<String> subcomponents) {

    public VexProduct {
        subcomponents = List.copyOf(subcomponents);
    }
}
