package dev.portcullis.image.tree;

/**
 * One entry of a layer or root filesystem as its source describes it, before it is merged.
 *
 * @param name the entry name as written, for example {@code ./etc/os-release}
 * @param kind kind of entry
 * @param size content size of a regular file, 0 otherwise
 * @param linkName the symbolic link target, or the archive path a hard link names, or null
 */
public record EntryHeader(String name, Kind kind, long size, int mode, int uid, int gid, String linkName) {

    public enum Kind {
        REGULAR,
        DIRECTORY,
        SYMLINK,
        HARD_LINK,
        CHARACTER_DEVICE,
        BLOCK_DEVICE,
        FIFO
    }
}
