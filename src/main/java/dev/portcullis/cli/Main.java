package dev.portcullis.cli;

import dev.portcullis.image.ImageException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point: runs the command line and turns failures into exit codes 2 and 3. A usage mistake and
 * a {@link UsageException} or {@link ImageException} from a command are printed here as one line,
 * {@code portcullis: error: <what failed>: <what to do>}, with the stack trace only under
 * {@code --debug}.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    /** The start of every error line, which sets errors apart from warnings for readers and scripts. */
    static final String ERROR_PREFIX = "portcullis: error: ";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code, without exiting the JVM. */
    public static int run(String... args) {
        return configure(new CommandLine(new PortcullisCommand())).execute(args);
    }

    /**
     * Sets the error handlers and parsing rules of {@code portcullis} on a command line, so a
     * subcommand run alone (as tests do) reports errors as the full command does.
     */
    public static CommandLine configure(CommandLine commandLine) {
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(Main::handleFailure);
        commandLine.setParameterExceptionHandler(Main::handleUsageError);
        return commandLine;
    }

    private static int handleFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        boolean debug = parseResult.expandedArgs().contains("--debug");
        PrintWriter err = commandLine.getErr();
        Throwable reason = failure;
        if (reason instanceof java.io.UncheckedIOException unchecked && unchecked.getCause() != null) {
            reason = unchecked.getCause();
        }
        if (reason instanceof ImageException || reason instanceof UsageException) {
            err.println(ERROR_PREFIX + reason.getMessage());
            if (debug) {
                reason.printStackTrace(err);
            }
            err.flush();
            return ExitCode.USAGE;
        }
        LOG.debug("internal error", reason);
        err.println("portcullis: internal error: " + reason
                + (debug ? "" : " (run again with --debug for the stack trace and report it)"));
        if (debug) {
            reason.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL;
    }

    private static int handleUsageError(CommandLine.ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(ERROR_PREFIX + UsageMessages.clean(error.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(error, err)) {
            err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        err.flush();
        return ExitCode.USAGE;
    }
}
