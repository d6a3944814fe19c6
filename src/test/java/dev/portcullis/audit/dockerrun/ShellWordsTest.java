package dev.portcullis.audit.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellWordsTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("docker run  -it\tapp", List.of("docker", "run", "-it", "app")),
                Arguments.of("-e 'A=b c'", List.of("-e", "A=b c")),
                Arguments.of("-e \"A=\\\"q\\\" $HOME\"", List.of("-e", "A=\"q\" $HOME")),
                Arguments.of("-e A=b\\ c", List.of("-e", "A=b c")),
                Arguments.of("docker run \\\n  --rm app", List.of("docker", "run", "--rm", "app")),
                Arguments.of("a''b \"\"", List.of("ab", "")),
                Arguments.of("'it''s'", List.of("its")),
                Arguments.of("\"a\\nb\"", List.of("a\\nb")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void shouldSplitLikeAPosixShell(String line, List<String> expected) {
        assertThat(ShellWords.split(line)).isEqualTo(expected);
    }

    @Test
    void shouldRejectUnterminatedQuote() {
        assertThatThrownBy(() -> ShellWords.split("docker run -e 'A=b app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unterminated single quote at character 15");
    }
}
