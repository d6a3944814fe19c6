package dev.portcullis.triage.reachability;

/**
 * Limits of one analysis.
 *
 * @param maxBytesScanned total size of JavaScript source the analysis reads; files beyond it are not
 *     read, and what they could load counts as possibly reached
 * @param maxCausesPerPackage how many undetermined loads a possibly reached package lists as evidence
 */
public record ReachabilityOptions(long maxBytesScanned, int maxCausesPerPackage) {

    /** 512 MiB of source: a small NestJS API on Node.js 20 reads 836 files and 3 MB, so only huge images reach it. */
    public static final long DEFAULT_MAX_BYTES_SCANNED = 512L * 1024 * 1024;

    public ReachabilityOptions {
        if (maxBytesScanned <= 0 || maxCausesPerPackage <= 0) {
            throw new IllegalArgumentException("reachability limits must be positive, got maxBytesScanned="
                    + maxBytesScanned + " and maxCausesPerPackage=" + maxCausesPerPackage);
        }
    }

    public static ReachabilityOptions defaults() {
        return new ReachabilityOptions(DEFAULT_MAX_BYTES_SCANNED, 3);
    }
}
