package dev.portcullis.lint.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the parser with BuildKit's own parser fixtures in
 * {@code ../shared/fixtures/lint/buildkit-parser/frontend/dockerfile/parser/}: each
 * {@code testfiles/<name>/Dockerfile} must dump to its {@code result} file, and each
 * {@code testfiles-negative/<name>/Dockerfile} must be rejected.
 */
class DockerfileParserTest {

    private static final Path PARSER_FIXTURES =
            Path.of("../shared/fixtures/lint/buildkit-parser/frontend/dockerfile/parser");

    private final DockerfileParser parser = new DockerfileParser();

    static Stream<String> positiveCases() throws IOException {
        try (Stream<Path> dirs = Files.list(PARSER_FIXTURES.resolve("testfiles"))) {
            return dirs.map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    static Stream<String> negativeCases() throws IOException {
        try (Stream<Path> dirs = Files.list(PARSER_FIXTURES.resolve("testfiles-negative"))) {
            return dirs.map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positiveCases")
    void shouldDumpLikeBuildKit(String name) throws Exception {
        Path dir = PARSER_FIXTURES.resolve("testfiles").resolve(name);
        String text = Files.readString(dir.resolve("Dockerfile"), StandardCharsets.UTF_8);
        String expected = Files.readString(dir.resolve("result"), StandardCharsets.UTF_8);

        List<Node> nodes = parser.parse(name, text).nodes();

        String dump = nodes.stream().map(node -> "(" + node.dump() + ")\n").reduce("", String::concat);
        assertThat(dump).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negativeCases")
    void shouldRejectNegativeFixture(String name) throws Exception {
        String text = Files.readString(PARSER_FIXTURES.resolve("testfiles-negative").resolve(name).resolve("Dockerfile"));

        assertThatThrownBy(() -> parser.parse(name, text)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith(name + ":");
    }

    @Test
    void shouldRecordLineRanges() throws Exception {
        String text = Files.readString(PARSER_FIXTURES.resolve("testfile-line/Dockerfile"));

        List<Node> nodes = parser.parse("Dockerfile", text).nodes();

        assertThat(nodes).extracting(node -> node.range().startLine()).containsExactly(5, 11, 17);
        assertThat(nodes).extracting(node -> node.range().endLine()).containsExactly(5, 12, 31);
        assertThat(nodes.getFirst().range().startColumn()).isEqualTo(1);
    }

    @Test
    void shouldReadEscapeDirective() throws Exception {
        String text = Files.readString(PARSER_FIXTURES.resolve("testfiles/escape-with-syntax/Dockerfile"));

        Directives directives = parser.parse("Dockerfile", text).directives();

        assertThat(directives.escape()).isEqualTo('`');
        assertThat(directives.syntax()).contains("docker/dockerfile");
    }
}
