package dev.portcullis.image.layer;

import dev.portcullis.image.ReadProgress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the stored bytes of a layer and reports them at most once per mebibyte, and at the end. */
final class ProgressInputStream extends FilterInputStream {

    private static final long REPORT_STEP = 1024 * 1024;

    private final ReadProgress progress;
    private long total;
    private long reported;

    ProgressInputStream(InputStream in, ReadProgress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            count(1);
        } else {
            report();
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        } else if (read < 0) {
            report();
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would bypass the digest computed downstream of this stream, so bytes are read instead.
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    long total() {
        return total;
    }

    void report() {
        if (reported != total) {
            reported = total;
            progress.bytesRead(total);
        }
    }

    private void count(int bytes) {
        total += bytes;
        if (total - reported >= REPORT_STEP) {
            report();
        }
    }
}
