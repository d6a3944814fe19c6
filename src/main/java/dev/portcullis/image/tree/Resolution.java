package dev.portcullis.image.tree;

import dev.portcullis.image.FileEntry;

/**
 * Outcome of resolving a path through symbolic links inside the image root.
 *
 * @param entry the entry reached, or null when the path is missing or a link loop was hit
 * @param loop true when more than {@link LinkResolver#MAX_LINK_HOPS} links were followed
 * @param climbedAboveRoot true when a {@code ..} component was clamped at the image root
 */
public record Resolution(FileEntry entry, boolean loop, boolean climbedAboveRoot) {

    public boolean found() {
        return entry != null;
    }
}
