package dev.portcullis.audit.layers;

import dev.portcullis.image.FileType;

/**
 * One entry of one layer's tar, as that layer wrote it.
 *
 * @param path absolute path inside the image, for example {@code /root/.aws/credentials}
 * @param mode permission bits including setuid ({@code 04000}), setgid ({@code 02000}) and sticky ({@code 01000})
 * @param deletedLater true when a later layer removes the path with a whiteout; its bytes still ship
 */
public record LayerEntry(String path, FileType type, int mode, long size, boolean deletedLater) {}
