package dev.portcullis.cli;

import dev.portcullis.image.ImageException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point: runs the command line and turns failures into exit codes 2 and 3. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code, without exiting the JVM. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new PortcullisCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(Main::handleFailure);
        commandLine.setParameterExceptionHandler(Main::handleUsageError);
        return commandLine.execute(args);
    }

    private static int handleFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        boolean debug = parseResult.expandedArgs().contains("--debug");
        PrintWriter err = commandLine.getErr();
        Throwable reason = failure;
        if (reason instanceof java.io.UncheckedIOException unchecked && unchecked.getCause() != null) {
            reason = unchecked.getCause();
        }
        if (reason instanceof ImageException || reason instanceof UsageException) {
            err.println("portcullis: " + reason.getMessage());
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
        err.println("portcullis: " + error.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(error, err)) {
            err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        err.flush();
        return ExitCode.USAGE;
    }
}
