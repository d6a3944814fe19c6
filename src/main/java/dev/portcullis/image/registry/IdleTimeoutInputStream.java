package dev.portcullis.image.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that is closed when no bytes arrive for the idle timeout. The JDK HttpClient bounds
 * the wait for response headers but not the gaps inside a streamed body, so without this a stalled
 * blob download would wait forever instead of failing and being retried.
 */
final class IdleTimeoutInputStream extends FilterInputStream {

    private final Duration idleTimeout;
    private final ScheduledFuture<?> watchdog;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean timedOut;

    IdleTimeoutInputStream(InputStream in, Duration idleTimeout, ScheduledExecutorService scheduler) {
        super(in);
        this.idleTimeout = idleTimeout;
        long period = Math.max(10, idleTimeout.toMillis() / 4);
        this.watchdog = scheduler.scheduleAtFixedRate(this::closeWhenIdle, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public int read() throws IOException {
        int value;
        try {
            value = super.read();
        } catch (IOException e) {
            throw timedOut ? idle(e) : e;
        }
        progress(value < 0 ? -1 : 1);
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count;
        try {
            count = super.read(buffer, offset, length);
        } catch (IOException e) {
            throw timedOut ? idle(e) : e;
        }
        progress(count);
        return count;
    }

    @Override
    public void close() throws IOException {
        watchdog.cancel(false);
        super.close();
    }

    private void progress(int count) throws IOException {
        if (timedOut) {
            throw idle(null);
        }
        if (count > 0) {
            lastProgressNanos = System.nanoTime();
        }
    }

    private IOException idle(IOException cause) {
        return new IOException("no data received for " + idleTimeout.toSeconds() + " s", cause);
    }

    private void closeWhenIdle() {
        if (System.nanoTime() - lastProgressNanos < idleTimeout.toNanos()) {
            return;
        }
        timedOut = true;
        watchdog.cancel(false);
        try {
            // Closing the body cancels the exchange, which wakes a reader blocked in read().
            in.close();
        } catch (IOException e) {
            // The reader sees the timeout through the flag either way.
        }
    }
}
