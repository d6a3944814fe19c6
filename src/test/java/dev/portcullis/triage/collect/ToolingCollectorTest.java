package dev.portcullis.triage.collect;

import static dev.portcullis.triage.TestFindings.finding;
import static dev.portcullis.triage.TestFindings.npm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.VerdictKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolingCollectorTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /usr/bin/dumb-init,--     | node,dist/main.js              | NOT_AFFECTED
            -                         | node,server.js                 | NOT_AFFECTED
            -                         | npm,start                      | none
            /usr/local/bin/yarn       | start                          | none
            /bin/sh,-c                | cd /app && npm run serve       | none
            /bin/sh,-c                | exec node server.js            | NOT_AFFECTED
            docker-entrypoint.sh      | node                           | none
            -                         | -                              | none
            """)
    void shouldJudgeToolingByEntrypointAndCommand(String entrypoint, String cmd, String expected) {
        Observation observation = collect(words(entrypoint), words(cmd)).getFirst();

        assertThat(observation.proposed() == null ? "none" : observation.proposed().kind().name()).isEqualTo(expected);
        if (expected.equals("NOT_AFFECTED")) {
            assertThat(observation.evidence().getFirst().details()).containsEntry("entrypoint",
                    words(entrypoint).toString());
        }
    }

    @Test
    void shouldSkipPackagesOutsideTooling() {
        var pkg = npm("lodash", "4.17.15", Map.of());

        var observations = new ToolingCollector().collect(finding(pkg, "CVE-2099-0001"), context(List.of(), List.of("node")));

        assertThat(observations).isEmpty();
    }

    @Test
    void shouldRecordUnknownWithoutConfig() {
        var pkg = npm("semver", "7.6.3", Map.of("tooling", "true"));
        TriageContext context = new TriageContext(new ImageMetadata("uploaded", null, null, null, List.of(), null,
                List.of()), null, null, null, null);

        Observation observation = new ToolingCollector().collect(finding(pkg, "CVE-2099-0001"), context).getFirst();

        assertThat(observation.proposed()).isNull();
        assertThat(observation.evidence().getFirst().kind()).isEqualTo(dev.portcullis.triage.EvidenceKind.ABSENT);
        assertThat(observation.evidence().getFirst().fact()).isEqualTo("unknown whether the entrypoint or command"
                + " runs a package manager, because no image config was given");
    }

    private static List<Observation> collect(List<String> entrypoint, List<String> cmd) {
        var pkg = npm("semver", "7.6.3", Map.of("tooling", "true"));
        return new ToolingCollector().collect(finding(pkg, "CVE-2099-0001"), context(entrypoint, cmd));
    }

    private static TriageContext context(List<String> entrypoint, List<String> cmd) {
        ImageConfig config = new ImageConfig("linux", "amd64", null, null, "node", List.of(), List.of(), entrypoint,
                cmd, null, null, Map.of(), List.of());
        ImageMetadata image = new ImageMetadata("demo", null, null, null, List.of(), config, List.of());
        return new TriageContext(image, null, null, null, null);
    }

    private static List<String> words(String text) {
        return text.equals("-") ? List.of() : Arrays.asList(text.split(",", -1));
    }

    @Test
    void shouldNotMistakeVerdictKindNames() {
        assertThat(VerdictKind.NOT_AFFECTED.label()).isEqualTo("not_affected");
    }
}
