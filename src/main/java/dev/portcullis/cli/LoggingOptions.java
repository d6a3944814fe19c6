package dev.portcullis.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The {@code --quiet} and {@code --debug} switches every command shares. */
public final class LoggingOptions {

    @Option(names = {"-q", "--quiet"}, description = "Print no progress and log errors only.")
    boolean quiet;

    @Option(names = "--debug", description = "Log debug detail and print stack traces of errors.")
    boolean debug;

    /** Applies the switches to the root logger; call before any work starts. */
    public void apply() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (debug) {
            root.setLevel(Level.DEBUG);
        } else if (quiet) {
            root.setLevel(Level.ERROR);
        }
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean debug() {
        return debug;
    }
}
