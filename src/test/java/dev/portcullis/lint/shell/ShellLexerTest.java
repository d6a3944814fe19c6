package dev.portcullis.lint.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs BuildKit's expansion vectors from
 * {@code ../shared/fixtures/lint/buildkit-parser/frontend/dockerfile/shell/envVarTest} (one word,
 * Unix cases) and {@code wordsTest} (word splitting, with its {@code ENV} lines setting variables).
 */
class ShellLexerTest {

    private static final Path SHELL_FIXTURES = Path.of("../shared/fixtures/lint/buildkit-parser/frontend/dockerfile/shell");
    private static final Map<String, String> ENV_VAR_TEST_ENVIRONMENT =
            Map.of("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", "");

    static Stream<Arguments> envVarCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String line : Files.readAllLines(SHELL_FIXTURES.resolve("envVarTest"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            if (parts[0].equals("W")) {
                continue;
            }
            cases.add(Arguments.of(parts[1].strip(), parts[2].strip()));
        }
        return cases.stream();
    }

    static Stream<Arguments> wordsCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        Map<String, String> environment = new HashMap<>();
        for (String line : Files.readAllLines(SHELL_FIXTURES.resolve("wordsTest"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("ENV ")) {
                String[] pair = line.substring(4).split("=", 2);
                environment.put(pair[0], pair[1]);
                continue;
            }
            String[] parts = line.split("\\|", 2);
            cases.add(Arguments.of(parts[0].strip(), parts[1].replaceFirst("^ +", ""), Map.copyOf(environment)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("envVarCases")
    void shouldExpandLikeBuildKit(String word, String expected) throws Exception {
        ShellLexer lexer = ShellLexer.standard('\\');

        if (expected.equals("error")) {
            assertThatThrownBy(() -> lexer.process(word, name -> Optional.ofNullable(ENV_VAR_TEST_ENVIRONMENT.get(name))))
                    .isInstanceOf(ShellSyntaxException.class);
        } else {
            assertThat(lexer.process(word, name -> Optional.ofNullable(ENV_VAR_TEST_ENVIRONMENT.get(name))))
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            ${NULL-word}          | ''
            ${UNSET-word}         | word
            ${NULL+word}          | word
            ${UNSET+word}         | ''
            ${PATH_VAR#*/}        | usr/local/bin
            ${PATH_VAR##*/}       | bin
            ${PATH_VAR%/*}        | /usr/local
            ${PATH_VAR%%/l*}      | /usr
            ${PATH_VAR/local/opt} | /usr/opt/bin
            ${PATH_VAR//?s?/X}    | /X/local/bin
            ${NAME/o/0}           | f0o
            ${NAME//o/0}          | f00
            """)
    void shouldExpandExtendedForms(String word, String expected) throws Exception {
        Map<String, String> environment = Map.of("NULL", "", "PATH_VAR", "/usr/local/bin", "NAME", "foo");

        assertThat(ShellLexer.standard('\\').process(word, name -> Optional.ofNullable(environment.get(name))))
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void shouldRejectDeepNesting() {
        String word = "${A:-".repeat(10_000) + "x" + "}".repeat(10_000);

        assertThatThrownBy(() -> ShellLexer.standard('\\').process(word, name -> Optional.empty()))
                .isInstanceOf(ShellSyntaxException.class).hasMessageContaining("nested deeper than 64");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("wordsCases")
    void shouldSplitWordsLikeBuildKit(String text, String expected, Map<String, String> environment) throws Exception {
        ShellLexer lexer = ShellLexer.standard('\\');

        if (expected.equals("error")) {
            assertThatThrownBy(() -> lexer.processWords(text, name -> Optional.ofNullable(environment.get(name))))
                    .isInstanceOf(ShellSyntaxException.class);
        } else {
            assertThat(lexer.processWords(text, name -> Optional.ofNullable(environment.get(name))))
                    .containsExactly(expected.split(","));
        }
    }
}
