package dev.portcullis.audit.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.Located;
import dev.portcullis.audit.container.Mount;
import org.junit.jupiter.api.Test;

class DockerRunParserTest {

    private static final SourceLocation LOCATION = SourceLocation.of("<command line>");
    private final DockerRunParser parser = new DockerRunParser();

    @Test
    void shouldReadLongShortAndGroupedOptions() throws Exception {
        DockerRunCommand command = parser.parse("docker container run -dit --name=web -uapp -p8080:80"
                + " --cap-add NET_ADMIN,SYS_TIME -m 1g --rm nginx:1.27 nginx -g 'daemon off;' --privileged", LOCATION);
        ContainerSpec container = command.container();

        assertThat(command.image()).isEqualTo("nginx:1.27");
        assertThat(container.name()).isEqualTo("web");
        assertThat(container.user()).isEqualTo("app");
        assertThat(container.memoryLimit()).isEqualTo("1g");
        assertThat(container.capAdd()).extracting(Located::value).containsExactly("NET_ADMIN", "SYS_TIME");
        assertThat(container.ports()).singleElement()
                .satisfies(p -> assertThat(p.hostPort() + "->" + p.containerPort()).isEqualTo("8080->80"));
        assertThat(container.privileged()).as("--privileged after the image belongs to the command").isFalse();
        assertThat(command.warnings()).isEmpty();
    }

    @Test
    void shouldReadVolumeAndMountForms() throws Exception {
        ContainerSpec container = parser.parse("docker run -v data:/data -v /srv:/srv:ro,z -v /anon"
                + " --mount type=bind,src=/etc,dst=/host/etc,readonly --tmpfs /tmp:size=64m app", LOCATION).container();

        assertThat(container.mounts()).extracting(Mount::type, Mount::source, Mount::target, Mount::readOnly)
                .containsExactly(
                        tuple("volume", "data", "/data", false),
                        tuple("bind", "/srv", "/srv", true),
                        tuple("volume", null, "/anon", false),
                        tuple("bind", "/etc", "/host/etc", true),
                        tuple("tmpfs", null, "/tmp", false));
        assertThat(container.tmpfs()).containsExactly("/tmp");
    }

    @Test
    void shouldWarnAboutUnknownOption() throws Exception {
        DockerRunCommand command = parser.parse("docker run --frobnicate app", LOCATION);

        assertThat(command.warnings()).extracting(Object::toString)
                .containsExactly("<command line>: unknown docker run option --frobnicate is read as a switch");
    }

    @Test
    void shouldRejectCommandThatIsNotDockerRun() {
        assertThatThrownBy(() -> parser.parse("docker build .", LOCATION))
                .isInstanceOf(AuditInputException.class)
                .hasMessage("<command line>: not a docker run command: expected it to start with 'docker run'"
                        + " or 'docker container run'");
    }
}
