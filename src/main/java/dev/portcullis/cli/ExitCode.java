package dev.portcullis.cli;

/** Process exit codes, the same for every command. */
public final class ExitCode {

    /** Done, with nothing at or above the {@code --fail-on} threshold. */
    public static final int OK = 0;
    /** Findings at or above the {@code --fail-on} threshold. */
    public static final int FINDINGS = 1;
    /** Unusable input or a usage mistake. */
    public static final int USAGE = 2;
    /** A bug or an environment failure inside Portcullis. */
    public static final int INTERNAL = 3;

    private ExitCode() {}
}
