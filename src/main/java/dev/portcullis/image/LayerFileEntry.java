package dev.portcullis.image;

/**
 * One entry of one layer's archive as that layer wrote it, whiteout markers left out. Unlike a
 * {@link FileEntry} of the merged tree, it also lists files that a later layer hides.
 *
 * @param path absolute, normalized path inside the image root, for example {@code /root/.aws/credentials}
 * @param type kind of entry; a hard link counts as a regular file
 * @param mode permission bits including setuid, setgid and sticky bits ({@code 07777}), file type bits left out
 * @param size size in bytes of a regular file as the archive header gives it, 0 otherwise
 * @param deletedLater true when the path is absent from the merged tree because a whiteout or opaque
 *     marker of a later layer removed it; the bytes still ship in this layer
 */
public record LayerFileEntry(String path, FileType type, int mode, long size, boolean deletedLater) {}
