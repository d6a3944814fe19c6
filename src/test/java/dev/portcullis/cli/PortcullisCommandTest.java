package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PortcullisCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new PortcullisCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void shouldPrintSubcommandHelp() {
        int exit = run("help", "lint");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: portcullis lint").contains("DOCKERFILE");
    }

    @Test
    void shouldListHelpAmongCommands() {
        int exit = run("help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: portcullis").contains("  scan").contains("  help");
    }
}
