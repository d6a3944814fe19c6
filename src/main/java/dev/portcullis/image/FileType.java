package dev.portcullis.image;

/** Kind of an entry in the merged image file tree. Hard links are resolved to the entry they name. */
public enum FileType {
    REGULAR,
    DIRECTORY,
    SYMLINK,
    CHARACTER_DEVICE,
    BLOCK_DEVICE,
    FIFO
}
