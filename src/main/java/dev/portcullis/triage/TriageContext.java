package dev.portcullis.triage;

import dev.portcullis.catalog.Distro;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.Layer;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.triage.collect.DeploymentFacts;
import java.util.Optional;

/**
 * The facts about the scanned image that triage reads besides its findings.
 *
 * @param image the image's metadata, or null when triaging findings without an image
 * @param distro the image's distro, or null
 * @param files the image's merged file tree, or null when it is no longer open; collectors that read
 *     files then record the evidence as absent
 * @param advisories every record of a vulnerability by id, for the distro's own status words
 * @param dockerfile the Dockerfile the image or project is built with ({@code --dockerfile}), or null
 * @param deployment the run settings of a compose service or docker run command, or null when only the
 *     image config is known
 */
public record TriageContext(ImageMetadata image, Distro distro, FileResolver files, AdvisoryLookup advisories,
        Dockerfile dockerfile, DeploymentFacts deployment) {

    public TriageContext {
        advisories = advisories == null ? AdvisoryLookup.none() : advisories;
    }

    /** Creates a context whose deployment is known from the image config alone. */
    public TriageContext(ImageMetadata image, Distro distro, FileResolver files, AdvisoryLookup advisories,
            Dockerfile dockerfile) {
        this(image, distro, files, advisories, dockerfile, null);
    }

    /** Returns the deployment facts, from the image config when no compose or docker run facts were given. */
    public DeploymentFacts deploymentFacts() {
        return deployment != null ? deployment : DeploymentFacts.of(config());
    }

    /**
     * Returns whether triage has an image config, or the run settings of a compose
     * service or docker run command. A CycloneDX SBOM uploaded to the server carries neither, and then
     * the conditions that need them are unknown rather than absent.
     */
    public boolean configKnown() {
        return deployment != null || (image != null && image.config() != null);
    }

    /** Returns the image config, or an empty one when none is known (see {@link #configKnown()}). */
    public ImageConfig config() {
        return image == null || image.config() == null ? ImageConfig.empty() : image.config();
    }

    public Optional<FileResolver> fileResolver() {
        return Optional.ofNullable(files);
    }

    /**
     * Returns the digest of the layer at the index, {@code layer N} when the image names no digest for
     * it, or {@code unknown layer} for a root filesystem folder (index -1).
     */
    public String layerDigest(int index) {
        if (index < 0) {
            return "unknown layer";
        }
        if (image == null || index >= image.layers().size()) {
            return "layer " + index;
        }
        Layer layer = image.layers().get(index);
        return layer.digest() != null ? layer.digest() : "layer " + index;
    }
}
