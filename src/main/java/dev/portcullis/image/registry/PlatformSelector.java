package dev.portcullis.image.registry;

import dev.portcullis.image.ImageException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Picks the manifest for a platform from an image index: an entry with the same variant first, else
 * one whose variant is unset on either side. Entries for the {@code unknown} platform hold attestations
 * and are never picked.
 */
final class PlatformSelector {

    private PlatformSelector() {}

    static Descriptor select(ImageReference ref, ManifestDocument index, Platform requested) throws ImageException {
        List<Descriptor> images = index.manifests().stream()
                .filter(d -> d.platform() != null && !d.platform().os().equals("unknown"))
                .toList();
        for (Descriptor entry : images) {
            Platform p = entry.platform();
            if (p.matches(requested.os(), requested.architecture(), requested.variant())
                    && Objects.equals(p.variant(), requested.variant())) {
                return entry;
            }
        }
        for (Descriptor entry : images) {
            Platform p = entry.platform();
            if (requested.matches(p.os(), p.architecture(), p.variant())) {
                return entry;
            }
        }
        String offered = images.isEmpty()
                ? "none"
                : images.stream().map(d -> d.platform().toString()).distinct().collect(Collectors.joining(", "));
        throw new ImageException("Image " + ref + " has no manifest for platform " + requested
                + "; it offers: " + offered + ". Choose one with --platform OS/ARCH[/VARIANT]");
    }
}
