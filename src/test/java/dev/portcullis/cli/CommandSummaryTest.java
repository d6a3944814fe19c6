package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Checks the one-line summaries that {@code portcullis --help} lists, which picocli takes from the first description line. */
class CommandSummaryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "report|Write the security overview of an image as Markdown or self-contained HTML.",
        "triage|Triage the findings of a Trivy or Grype JSON report against the image."
    })
    void shouldListCompleteSentence(String command, String summary) {
        CommandLine commandLine = Main.configure(new CommandLine(new PortcullisCommand()));
        StringWriter help = new StringWriter();
        commandLine.setOut(new PrintWriter(help));

        int exit = commandLine.execute("--help");

        assertThat(exit).isEqualTo(ExitCode.OK);
        String[] description = commandLine.getSubcommands().get(command).getCommandSpec().usageMessage().description();
        assertThat(description[0]).isEqualTo(summary);
        assertThat(help.toString().replaceAll("\\s+", " ")).contains(command + " " + summary);
    }
}
