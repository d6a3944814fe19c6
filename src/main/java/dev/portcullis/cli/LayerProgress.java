package dev.portcullis.cli;

import dev.portcullis.image.ReadProgress;
import java.io.PrintStream;

/** Shows one self-overwriting progress line on stderr while layers are read. */
final class LayerProgress implements ReadProgress {

    private static final long MIB = 1024 * 1024;
    private static final long REDRAW_STEP = 4 * MIB;

    private final PrintStream err;
    private int index;
    private int count;
    private long size;
    private long lastDrawn = -REDRAW_STEP;

    LayerProgress(PrintStream err) {
        this.err = err;
    }

    /** Returns a progress line on a terminal, and nothing when stderr is redirected or --quiet is set. */
    static ReadProgress forTerminal(boolean quiet) {
        return !quiet && Terminal.stderrIsTerminal() ? new LayerProgress(System.err) : ReadProgress.NONE;
    }

    @Override
    public void layerStarted(int layerIndex, int layerCount, long blobSize) {
        this.index = layerIndex;
        this.count = layerCount;
        this.size = blobSize;
        this.lastDrawn = -REDRAW_STEP;
        draw(0);
    }

    @Override
    public void bytesRead(long total) {
        if (total - lastDrawn >= REDRAW_STEP) {
            draw(total);
        }
    }

    @Override
    public void finished() {
        err.print("\r\033[K");
        err.flush();
    }

    private void draw(long total) {
        lastDrawn = total;
        String amount = size > 0
                ? "%d/%d MiB".formatted(total / MIB, Math.max(1, size / MIB))
                : "%d MiB".formatted(total / MIB);
        err.print("\r\033[Kreading layer %d/%d  %s".formatted(index + 1, count, amount));
        err.flush();
    }
}
