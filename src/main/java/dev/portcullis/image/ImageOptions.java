package dev.portcullis.image;

import java.nio.file.Path;

/**
 * Settings for opening an image.
 *
 * @param platform {@code os/arch[/variant]} to pick from an image index, null for linux/amd64
 * @param maxInMemoryFileSize requested files up to this size stay in memory; larger ones spill to
 *     the temporary folder
 * @param tempRoot parent of the private temporary folder, null for the system default
 */
public record ImageOptions(String platform, long maxInMemoryFileSize, Path tempRoot, ReadProgress progress) {

    public static final long DEFAULT_MAX_IN_MEMORY = 64L * 1024 * 1024;

    public static ImageOptions defaults() {
        return new ImageOptions(null, DEFAULT_MAX_IN_MEMORY, null, ReadProgress.NONE);
    }
}
