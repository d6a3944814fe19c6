package dev.portcullis.lint.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads {@code ../shared/fixtures/lint/buildkit-parser/heredoc-parser-cases.Dockerfile}, the input of
 * BuildKit's heredoc parser test, and checks name, expand, chomp and file descriptor per instruction.
 */
class HeredocParserTest {

    private static List<Node> nodes;

    @BeforeAll
    static void parseCases() throws Exception {
        String text = Files.readString(Path.of("../shared/fixtures/lint/buildkit-parser/heredoc-parser-cases.Dockerfile"));
        nodes = new DockerfileParser().parse("heredocs", text).nodes();
    }

    private static Node at(int line) {
        return nodes.stream().filter(node -> node.range().startLine() == line).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            8  | -           | -                                 | true  | false | 0
            11 | EMPTY       | ''                                | true  | false | 0
            14 | EMPTY2      | ''                                | true  | false | 3
            17 | -           | -                                 | true  | false | 0
            19 | INDENT      | '\\tfoo\\n\\tbar\\n'                  | true  | false | 0
            24 | UNINDENT    | '\\tbaz\\n\\tquux\\n'                 | true  | true  | 0
            34 | EXPAND      | '\\texpand $NAME\\n'                | true  | true  | 0
            38 | NOEXPAND    | '\\tdon''t expand $NAME\\n'         | false | true  | 0
            63 | EOF         | '"foo"\\n''bar''\\n'                | true  | false | 0
            78 | file.txt    | 'hello world\\n'                   | true  | false | 0
            82 | eof         | 'echo foo\\n'                      | false | false | 0
            90 | eo'f        | 'echo foo\\n'                      | false | false | 0
            94 | one two     | 'echo bar\\n'                      | false | false | 0
            98 | $EOF        | ''                                | true  | false | 0
            101 | -          | -                                 | true  | false | 0
            """)
    void shouldReadSingleHeredoc(int line, String name, String content, boolean expand, boolean chomp, int fd) {
        Node node = at(line);

        if (name == null) {
            assertThat(node.heredocs()).isEmpty();
            return;
        }
        assertThat(node.heredocs()).hasSize(1);
        Heredoc heredoc = node.heredocs().getFirst();
        assertThat(heredoc.name()).isEqualTo(name);
        assertThat(heredoc.content()).isEqualTo(content.replace("\\t", "\t").replace("\\n", "\n"));
        assertThat(heredoc.expand()).isEqualTo(expand);
        assertThat(heredoc.chomp()).isEqualTo(chomp);
        assertThat(heredoc.fileDescriptor()).isEqualTo(fd);
    }

    @Test
    void shouldReadSeveralHeredocsInOneCopy() {
        Node crossed = at(68);

        assertThat(crossed.heredocs()).extracting(Heredoc::name).containsExactly("X", "Y");
        assertThat(crossed.heredocs()).extracting(Heredoc::content).containsExactly("Y\n", "X\n");
        assertThat(crossed.range().endLine()).isEqualTo(72);
    }

    @Test
    void shouldStripTabsWhenChomped() {
        assertThat(at(24).heredocs().getFirst().effectiveContent()).isEqualTo("baz\nquux\n");
        assertThat(at(29).heredocs().getFirst().name()).isEqualTo("UNINDENT2");
    }

    @Test
    void shouldRejectUnterminatedHeredoc() {
        assertThatThrownBy(() -> new DockerfileParser().parse("Dockerfile", "FROM a\nRUN <<EOF\necho hi\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Dockerfile:2:1: unterminated heredoc");
    }
}
