package dev.portcullis.base;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds what the registry shows now to a base report: newer tags of the same variant for runtime
 * images, and for a reference that pins a digest, whether its tag was rebuilt since. A failed
 * registry query becomes a note on that image, and the rest of the report stays as it is.
 *
 * <pre>{@code
 * FROM registry.example/library/node:20.18.0-bookworm-slim@sha256:aa..
 *   -> newerTags [22.12.0-bookworm-slim, 20.20.2-bookworm-slim], pinnedDigest sha256:aa..,
 *      currentDigest sha256:bb.., rebuilt true
 * }</pre>
 */
public final class UpstreamChecker {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamChecker.class);

    private final RegistryLookup registry;
    private final TagRecommender recommender = new TagRecommender();

    public UpstreamChecker(RegistryLookup registry) {
        this.registry = registry;
    }

    /** Returns the report with an {@link UpstreamStatus} on every image whose reference could be read. */
    public BaseReport check(BaseReport report) {
        return report.withImages(report.images().stream().map(this::check).toList());
    }

    private BaseImageAssessment check(BaseImageAssessment image) {
        BaseImageTag tag = image.tag();
        if (tag == null) {
            return image;
        }
        List<String> notes = new ArrayList<>();
        List<String> newerTags = newerTags(image, notes);
        ImageReference reference = tag.reference();
        String current = null;
        boolean rebuilt = false;
        if (reference.digest() == null) {
            notes.add("the reference pins no digest, so a rebuild of " + reference.tag() + " is not detected");
        } else if (reference.tag() == null) {
            notes.add("the reference pins a digest without a tag, so there is no tag to compare it with");
        } else {
            try {
                UpstreamDigest upstream = registry.resolve(reference);
                current = upstream.digest();
                rebuilt = !upstream.contains(reference.digest());
                LOG.debug("{} points at {}; rebuilt since the pinned digest: {}", reference.tag(), current, rebuilt);
            } catch (RegistryLookupException e) {
                LOG.warn("Resolving {} failed; its rebuild is not checked: {}", reference, e.getMessage());
                notes.add("the current digest of " + reference.tag() + " was not looked up: " + e.getMessage());
            }
        }
        return image.withUpstream(new UpstreamStatus(newerTags, reference.digest(), current, rebuilt), notes);
    }

    private List<String> newerTags(BaseImageAssessment image, List<String> notes) {
        BaseImageTag tag = image.tag();
        if (!tag.isKnown()) {
            return List.of();
        }
        if (tag.family().isDistro()) {
            // TODO: recommend newer point releases of distro images (debian:12.7-slim -> 12.8-slim) too.
            notes.add("newer tags are looked up for runtime images only, not for " + tag.family().imageName());
            return List.of();
        }
        try {
            return recommender.newerTags(tag, image.runtime(), registry.tags(tag.reference()), notes);
        } catch (RegistryLookupException e) {
            LOG.warn("Listing the tags of {} failed; no newer tag is recommended: {}", tag.reference(), e.getMessage());
            notes.add("the tags of " + tag.reference().repository() + " were not looked up: " + e.getMessage());
            return List.of();
        }
    }
}
