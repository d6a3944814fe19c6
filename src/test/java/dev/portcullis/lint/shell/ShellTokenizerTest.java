package dev.portcullis.lint.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellTokenizerTest {

    private final ShellTokenizer tokenizer = new ShellTokenizer();

    private static String render(ShellScript script) {
        return String.join(" ; ", script.commands().stream().map(command -> String.join(" ", command.words())).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'apt-get update && apt-get install -y curl'           | 'apt-get update ; apt-get install -y curl'
            'a || b; c'                                            | 'a ; b ; c'
            'echo "a && b" ''c; d'''                               | 'echo a && b c; d'
            '(cd /src && make) > /dev/null 2>&1'                  | 'cd /src ; make'
            'FOO=1 make install # trailing comment'                | 'FOO=1 make install'
            'if [ -f x ]; then rm x; fi'                           | '[ -f x ] ; rm x'
            'echo $(date +%s) `id -u`'                             | 'echo $(date +%s) `id -u` ; date +%s ; id -u'
            'X=$(curl -fsS https://x | sh)'                        | 'X=$(curl -fsS https://x | sh) ; curl -fsS https://x ; sh'
            'tar -xzf a.tgz -C /opt \\\n && rm a.tgz'              | 'tar -xzf a.tgz -C /opt ; rm a.tgz'
            'cat <<EOF > f'                                        | 'cat'
            """)
    void shouldSplitCommands(String script, String expected) {
        assertThat(render(tokenizer.tokenize(script.replace("\\n", "\n")))).isEqualTo(expected);
    }

    @Test
    void shouldSurviveDeepNesting() {
        String script = "echo " + "$(".repeat(20_000) + "id" + ")".repeat(20_000);

        ShellScript tokenized = tokenizer.tokenize(script);

        assertThat(tokenized.commands().getFirst().name()).isEqualTo("echo");
        assertThat(tokenized.commands()).hasSizeLessThanOrEqualTo(18);
    }

    @Test
    void shouldRecordPipelines() {
        ShellScript script = tokenizer.tokenize("set -o pipefail && curl -fsSL https://x | sh -s -- -y; echo done");

        assertThat(script.pipelines()).hasSize(1);
        assertThat(script.pipelines().getFirst()).extracting(Command::name).containsExactly("curl", "sh");
        assertThat(script.commands()).extracting(Command::pipedFrom).containsExactly(false, false, true, false);
    }

    @Test
    void shouldFindFlagsInClusters() {
        Command command = tokenizer.tokenize("DEBIAN_FRONTEND=noninteractive apt-get -qy --no-install-recommends install curl=8.0")
                .commands().getFirst();

        assertThat(command.name()).isEqualTo("apt-get");
        assertThat(command.hasFlag("-y")).isTrue();
        assertThat(command.hasFlag("--no-install-recommends")).isTrue();
        assertThat(command.hasFlag("-x")).isFalse();
        assertThat(command.positional()).isEqualTo(List.of("install", "curl=8.0"));
    }
}
