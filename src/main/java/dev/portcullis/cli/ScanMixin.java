package dev.portcullis.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * The options and process environment that {@code scan}, {@code report} and {@code triage} share. It
 * contains the database, triage, output, image and logging options, and the environment variables, home
 * folder, clock and error stream, which tests replace.
 *
 * <p>A command creates it in its constructor and declares it as a {@code @Mixin} field, so picocli
 * fills the options of this instance.
 */
final class ScanMixin {

    @Mixin
    DatabaseOptions databaseOptions;

    @Mixin
    TriageOptions triageOptions;

    @Mixin
    OutputOptions output;

    @Mixin
    ImageOptionsMixin imageOptions;

    @Mixin
    LoggingOptions logging;

    private final Map<String, String> environment;
    private final Path home;
    private final Clock clock;
    private final PrintStream err;

    /** Creates the mixin with the process's environment, home folder, UTC clock and standard error. */
    ScanMixin() {
        this(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC(), System.err);
    }

    /** Creates the mixin with a fixed environment, home folder and clock, for tests. */
    ScanMixin(Map<String, String> environment, Path home, Clock clock, PrintStream err) {
        this.environment = environment;
        this.home = home;
        this.clock = clock;
        this.err = err;
    }

    /** Returns an opener for the database that {@code --db}, the environment or the home folder names. */
    DatabaseOpener databaseOpener() {
        return new DatabaseOpener(databaseOptions, environment, home, clock, err);
    }

    /** Returns a scanner that reads images with the image options and shows layer progress on a terminal. */
    InventoryScanner scanner() {
        return scanner(null);
    }

    /** Returns a scanner as {@link #scanner()} does that also runs {@code inspection} on the open image. */
    InventoryScanner scanner(InventoryScanner.ImageInspection inspection) {
        var options = imageOptions.toImageOptions(LayerProgress.forTerminal(logging.quiet()));
        return new InventoryScanner(options, imageOptions.toLocator(), inspection);
    }

    TriageRunner triageRunner() {
        return new TriageRunner(triageOptions, clock, environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    PrintStream err() {
        return err;
    }
}
