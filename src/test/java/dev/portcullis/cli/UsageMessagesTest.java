package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageMessagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scan x --fail-on extreme          | Invalid value for option '--fail-on': invalid risk level 'extreme': expected one of critical, high, medium, low, minimal
            scan x --fail-on-severity huge    | Invalid value for option '--fail-on-severity': invalid severity 'huge': expected critical, high, medium, low or negligible
            report x --format pdf             | Invalid value for option '--format': expected one of markdown, html but was 'pdf'
            sbom x --format swid              | Invalid value for option '--format': expected one of cyclonedx, spdx but was 'swid'
            scan x --max-db-age abc           | Invalid value for option '--max-db-age': 'abc' is not a whole number
            """)
    void shouldWordConversionErrors(String command, String message) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run(command.split(" "));
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst()).hasValue(Main.ERROR_PREFIX + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cannot convert 'x y' to URI (java.net.URISyntaxException: Illegal character in path at index 1: x y) | invalid URI 'x y': Illegal character in path at index 1: x y
            expected one of [CYCLONEDX, SPDX] (case-insensitive) but was 'x'                                | expected one of cyclonedx, spdx but was 'x'
            expected one of [CYCLONEDX_VEX] (case-insensitive) but was 'x'                                   | expected one of cyclonedx-vex but was 'x'
            missing value                                                                                    | missing value
            """)
    void shouldCleanPicocliMessage(String picocli, String expected) {
        assertThat(UsageMessages.clean(picocli)).isEqualTo(expected);
    }
}
