package dev.portcullis.lint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.dockerfile.SourceRange;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunScriptsTest {

    private static List<RunScript> scripts(String text) throws Exception {
        return RunScripts.of(new DockerfileReader().read("Dockerfile", text.replace("\\n", "\n")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            default shell           | 'FROM a\\nRUN echo hi\\n'                                                     | sh
            bash from SHELL         | 'FROM a\\nSHELL ["/bin/bash", "-c"]\\nRUN echo hi\\n'                          | bash
            reset at FROM           | 'FROM a\\nSHELL ["/bin/bash", "-c"]\\nFROM b\\nRUN echo hi\\n'                 | sh
            inherited from stage    | 'FROM a AS base\\nSHELL ["/bin/bash", "-c"]\\nFROM base\\nRUN echo hi\\n'      | bash
            ash reads as sh         | 'FROM a\\nSHELL ["/bin/ash", "-c"]\\nRUN echo hi\\n'                           | sh
            onbuild uses sh         | 'FROM a\\nSHELL ["/bin/bash", "-c"]\\nONBUILD RUN echo hi\\n'                  | sh
            heredoc shebang         | 'FROM a\\nRUN <<EOF\\n#!/usr/bin/env bash\\necho hi\\nEOF\\n'                 | bash
            """)
    void shouldPickDialect(String name, String text, String dialect) throws Exception {
        assertThat(scripts(text)).singleElement().extracting(RunScript::dialect).isEqualTo(dialect);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            powershell SHELL   | 'FROM a\\nSHELL ["pwsh", "-c"]\\nRUN Get-Item x\\n'
            cmd SHELL          | 'FROM a\\nSHELL ["cmd.exe", "/c"]\\nRUN dir\\n'
            shell pragma       | 'FROM a\\n# hadolint shell=powershell.exe\\nRUN Get-Item x\\n'
            global pragma      | '# hadolint shell=powershell.exe\\nFROM a\\nRUN Get-Item x\\nFROM b\\nRUN Get-Item y\\n'
            exec form          | 'FROM a\\nRUN ["echo", "$x"]\\n'
            python heredoc     | 'FROM a\\nRUN <<EOF\\n#!/usr/bin/env python3\\nprint(1)\\nEOF\\n'
            """)
    void shouldSkipScriptsShellCheckCannotRead(String name, String text) throws Exception {
        assertThat(scripts(text)).isEmpty();
    }

    @Test
    void shouldKeepPhysicalLines() throws Exception {
        RunScript script = scripts("FROM a\nRUN --mount=type=cache,target=/x apt-get update && \\  \n  # note\n\n  apt-get install -y curl\n")
                .getFirst();

        assertThat(script.body()).containsExactly("apt-get update && \\", "  apt-get install -y curl");
        assertThat(script.fileLines()).containsExactly(2, 5);
        assertThat(script.firstColumn()).isEqualTo(34);
    }

    @Test
    void shouldMapPositionsBack() throws Exception {
        RunScript script = scripts("FROM a\nARG VERSION\nRUN echo $HOME && \\\n    echo $PATH\n").getFirst();
        int exports = script.variables().size();

        assertThat(script.toFile(exports + 1, 6, exports + 1, 11)).isEqualTo(new SourceRange(3, 10, 3, 14));
        assertThat(script.toFile(exports + 2, 10, exports + 2, 15)).isEqualTo(new SourceRange(4, 10, 4, 14));
    }

    @Test
    void shouldDeclareVariablesInScope() throws Exception {
        List<RunScript> found = scripts("ARG GLOBAL=1\nFROM a\nARG VERSION\nENV HOME_DIR=/h\nRUN echo\nONBUILD RUN echo\n");

        assertThat(found.get(0).variables()).contains("VERSION", "HOME_DIR", "HTTP_PROXY", "no_proxy").doesNotContain("GLOBAL");
        assertThat(found.get(1).variables()).contains("HOME_DIR", "HTTP_PROXY").doesNotContain("VERSION");
    }

    @Test
    void shouldCheckHeredocBodyAsScript() throws Exception {
        RunScript script = scripts("FROM a\nRUN <<EOF\nset -e\necho $x\nEOF\n").getFirst();

        assertThat(script.body()).containsExactly("set -e", "echo $x");
        assertThat(script.fileLines()).containsExactly(3, 4);
    }

    @Test
    void shouldParseShellCheckOutput() throws Exception {
        RunScript script = new RunScript("sh", List.of("A"), List.of("echo $x"), List.of(7), 5, new SourceRange(7, 1, 7, 11));
        String json = """
                {"comments":[{"file":"run-0.sh","line":2,"endLine":2,"column":6,"endColumn":8,"level":"info",
                "code":2086,"message":"Double quote to prevent globbing and word splitting.","fix":null}]}""";

        List<ShellCheckFinding> findings = ShellCheck.parse(json, List.of(script));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("SC2086");
            assertThat(finding.severity()).hasToString("INFO");
            assertThat(finding.range()).isEqualTo(new SourceRange(7, 10, 7, 11));
            assertThat(Arrays.asList(finding.rule().id(), finding.rule().hadolintId().orElseThrow()))
                    .containsExactly("SC2086", "SC2086");
        });
    }
}
