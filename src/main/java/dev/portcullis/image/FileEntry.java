package dev.portcullis.image;

/**
 * One entry of the merged file tree as the final image shows it.
 *
 * @param path absolute, normalized path inside the image root, for example {@code /var/lib/dpkg/status}
 * @param type kind of entry
 * @param size size in bytes of a regular file, 0 otherwise
 * @param mode permission bits including setuid, setgid and sticky bits
 * @param uid owner user id
 * @param gid owner group id
 * @param linkTarget target of a symbolic link as written in the layer, or null
 * @param layerIndex index into the image's layer list of the layer that last wrote this entry, or -1
 *     for a root filesystem folder
 */
public record FileEntry(
        String path, FileType type, long size, int mode, int uid, int gid, String linkTarget, int layerIndex) {

    public boolean isRegularFile() {
        return type == FileType.REGULAR;
    }
}
