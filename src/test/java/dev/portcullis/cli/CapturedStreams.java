package dev.portcullis.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Replaces {@code System.out} and {@code System.err} for each test and restores them after it, so a
 * test reads what a command run through {@link Main#run} printed, logs included.
 *
 * <p>Register it on an instance field: {@code @RegisterExtension final CapturedStreams streams =
 * new CapturedStreams();}, then read {@code streams.out()} and {@code streams.err()}.
 */
final class CapturedStreams implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    byte[] outBytes() {
        return stdout.toByteArray();
    }

    /** Forgets what was printed so far, for a test that runs several commands. */
    void reset() {
        stdout.reset();
        stderr.reset();
    }
}
