package dev.portcullis.triage.collect;

import static dev.portcullis.triage.TestFindings.finding;
import static dev.portcullis.triage.TestFindings.npm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.triage.TriageContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentCollectorTest {

    @ParameterizedTest(name = "{0} ports={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | -
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 3000/tcp
            CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H | -
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | -
            """)
    void shouldNotLowerRiskFromImageConfigAlone(String vector, String port) {
        ImageConfig config = new ImageConfig("linux", "amd64", null, null, "node", List.of(),
                port == null ? List.of() : List.of(port), List.of(), List.of("node"), null, null, Map.of(), List.of());
        TriageContext context = new TriageContext(new ImageMetadata("demo", null, null, null, List.of(), config,
                List.of()), null, null, null, null);

        var observation = new DeploymentCollector()
                .collect(finding(npm("lodash", "4.17.15", Map.of()), "CVE-2099-0001", vector), context).getFirst();

        assertThat(observation.proposed()).isNull();
        assertThat(observation.evidence().getFirst().fact()).isEqualTo("how the container runs is unknown (no compose"
                + " file or docker run command given), so " + vector + " is not weighed");
        assertThat(observation.evidence().getFirst().details()).containsEntry("vector", vector);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            docker run demo                                                                      | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | the exploit needs network access (AV:N) and the docker run command publishes no port
            docker run -p 8080:3000 demo                                                         | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | -
            docker run --user 1000 --security-opt no-new-privileges --cap-drop ALL -p 80:3000 demo | CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H | -
            docker run --user 1000 --security-opt no-new-privileges --cap-drop ALL demo          | CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H | the exploit needs network access (AV:N) and the docker run command publishes no port
            docker run --network none demo                                                       | CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | -
            """)
    void shouldWeighDockerRunSettings(String command, String vector, String expected) throws Exception {
        ImageConfig config = new ImageConfig("linux", "amd64", null, null, null, List.of(), List.of("3000/tcp"),
                List.of(), List.of("node"), null, null, Map.of(), List.of());
        var container = new dev.portcullis.audit.dockerrun.DockerRunParser()
                .parse(command, dev.portcullis.audit.SourceLocation.of("test")).container();
        DeploymentFacts facts = DeploymentFacts.of("docker run command", container, config);
        TriageContext context = new TriageContext(new ImageMetadata("demo", null, null, null, List.of(), config,
                List.of()), null, null, null, null, facts);

        var observation = new DeploymentCollector()
                .collect(finding(npm("lodash", "4.17.15", Map.of()), "CVE-2099-0001", vector), context).getFirst();

        assertThat(observation.proposed() == null ? null : observation.proposed().reason()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | unknown: whether a port is published (AV:N), because no image config, Dockerfile or run settings were given
            CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H | unknown: whether a port is published (AV:N), because no image config, Dockerfile or run settings were given
            CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H | unknown: the deployment's conditions, because no image config, Dockerfile or run settings were given
            """)
    void shouldRecordUnknownWithoutConfig(String vector, String expected) {
        TriageContext context = new TriageContext(new ImageMetadata("uploaded", null, null, null, List.of(), null,
                List.of()), null, null, null, null);

        var observation = new DeploymentCollector()
                .collect(finding(npm("lodash", "4.17.15", Map.of()), "CVE-2099-0001", vector), context).getFirst();

        assertThat(observation.proposed()).isNull();
        assertThat(observation.evidence().getFirst().kind()).isEqualTo(dev.portcullis.triage.EvidenceKind.ABSENT);
        assertThat(observation.evidence().getFirst().fact()).isEqualTo(expected);
        assertThat(observation.evidence().getFirst().details()).containsEntry("config", "unknown");
    }
}
