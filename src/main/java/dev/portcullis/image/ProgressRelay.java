package dev.portcullis.image;

/**
 * Turns the progress of layers read in parallel into the ordered events that {@link ReadProgress}
 * describes. It passes on the bytes of the lowest layer still being read. When that layer ends, it
 * starts the next layer with the bytes read so far, so every layer is started once and in order.
 * Safe for concurrent use.
 */
final class ProgressRelay {

    private final ReadProgress target;
    private final long[] blobSizes;
    private final long[] totals;
    private final boolean[] finished;
    private int displayedLayer;

    ProgressRelay(ReadProgress target, long[] blobSizes) {
        this.target = target;
        this.blobSizes = blobSizes.clone();
        this.totals = new long[blobSizes.length];
        this.finished = new boolean[blobSizes.length];
        if (blobSizes.length > 0) {
            target.layerStarted(0, blobSizes.length, blobSizes[0]);
        }
    }

    /** Returns the progress that the reader of one layer reports to. */
    ReadProgress forLayer(int index) {
        return new ReadProgress() {
            @Override
            public void bytesRead(long total) {
                layerRead(index, total);
            }
        };
    }

    /** Records that a layer was read to its end or failed, and moves on to the next layer still being read. */
    synchronized void layerFinished(int index) {
        finished[index] = true;
        while (displayedLayer < finished.length && finished[displayedLayer]) {
            displayedLayer++;
            if (displayedLayer < finished.length) {
                target.layerStarted(displayedLayer, blobSizes.length, blobSizes[displayedLayer]);
                if (totals[displayedLayer] > 0) {
                    target.bytesRead(totals[displayedLayer]);
                }
            }
        }
    }

    private synchronized void layerRead(int index, long total) {
        totals[index] = total;
        if (index == displayedLayer) {
            target.bytesRead(total);
        }
    }
}
