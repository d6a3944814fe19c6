package dev.portcullis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells whether standard error is an interactive terminal, where progress lines make sense. */
final class Terminal {

    private Terminal() {}

    static boolean stderrIsTerminal() {
        // The JDK reports only whether stdin and stdout are terminals, so on Linux read the target of fd 2.
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null && System.console().isTerminal();
        }
    }
}
