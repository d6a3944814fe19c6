package dev.portcullis.catalog.java;

/**
 * Bounds on reading nested archives, so that a hostile archive (a zip bomb, a jar nested hundreds of
 * levels deep) costs bounded memory, disk and time.
 *
 * @param maxDepth nesting levels read below the top archive; an archive at a deeper level is skipped
 * @param maxEntryBytes decompressed size above which a nested archive entry is skipped
 * @param maxRatio decompressed-to-compressed ratio above which an entry larger than
 *     {@code ratioFloorBytes} is taken for a zip bomb and skipped
 * @param ratioFloorBytes decompressed size below which the ratio is not checked, because tiny
 *     entries of repeated bytes compress well without harm
 * @param inMemoryBytes archives up to this size are kept in memory, larger ones in a temporary file.
 *     Each nesting level keeps its archive open while the levels below are read, so a walk keeps at
 *     most {@code (maxDepth + 1) * inMemoryBytes} in memory
 * @param maxTotalBytes decompressed bytes of all nested archives of one top-level archive together.
 *     Past it the remaining nested archives are skipped, which bounds zip files whose many entries
 *     share one compressed body
 */
public record ArchiveLimits(
        int maxDepth, long maxEntryBytes, long maxRatio, long ratioFloorBytes, long inMemoryBytes, long maxTotalBytes) {

    /**
     * Limits for real images: 16 levels, 512 MiB per nested archive, 4 GiB of nested archives per
     * top-level archive, and a ratio of 100, which nested jars rarely reach because their own entries
     * are already compressed.
     */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(16, 512L << 20, 100, 1L << 20, 4L << 20, 4L << 30);
    }
}
