package dev.portcullis.audit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.EnvVar;
import dev.portcullis.audit.container.Located;
import dev.portcullis.audit.container.Mount;
import dev.portcullis.audit.container.PortMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComposeLoaderTest {

    private static final Path DIR = Path.of("src/test/resources/dev/portcullis/audit/compose");

    @Test
    void shouldMergeOverrideFileByComposeRules() throws Exception {
        ContainerSpec api = load(List.of(DIR.resolve("merge/compose.yaml"), DIR.resolve("merge/compose.override.yaml")),
                ComposeOptions.defaults()).getFirst();

        assertThat(api.privileged()).isTrue();
        assertThat(api.capDrop()).as("!reset removes the base list").isEmpty();
        assertThat(api.environment()).extracting(EnvVar::name, EnvVar::value).containsExactly(
                tuple("DB_USER", "admin"),
                tuple("DB_PASSWORD", "postgres"));
        assertThat(api.ports()).extracting(PortMapping::hostIp, PortMapping::containerPort).containsExactly(
                tuple("127.0.0.1", "3000"),
                tuple(null, "9229"));
        assertThat(api.mounts()).as("volumes merge by target, so the override replaces /config")
                .extracting(Mount::source).containsExactly("/var/run/docker.sock");
    }

    @Test
    void shouldKeepLineOfEachMergedValue() throws Exception {
        ContainerSpec api = load(List.of(DIR.resolve("merge/compose.yaml"), DIR.resolve("merge/compose.override.yaml")),
                ComposeOptions.defaults()).getFirst();

        assertThat(api.origin()).hasToString(DIR.resolve("merge/compose.yaml") + ":2");
        assertThat(api.locate("privileged")).hasToString(DIR.resolve("merge/compose.override.yaml") + ":10");
        assertThat(api.environment().get(1).location()).hasToString(DIR.resolve("merge/compose.yaml") + ":6");
        assertThat(api.ports().get(1).location()).hasToString(DIR.resolve("merge/compose.override.yaml") + ":6");
    }

    @Test
    void shouldTakeVariablesFromEnvironmentOverDefaults() throws Exception {
        ComposeOptions options = new ComposeOptions(Map.of("DB_PASSWORD", "from-env"), null, Set.of());
        ContainerSpec api = load(List.of(DIR.resolve("merge/compose.yaml")), options).getFirst();

        EnvVar password = api.environment().get(1);
        assertThat(password.value()).isEqualTo("from-env");
        assertThat(password.template()).isEqualTo("${DB_PASSWORD:-postgres}");
    }

    @Test
    void shouldResolveExtendsAndMergeKeys() throws Exception {
        List<ContainerSpec> services = load(List.of(DIR.resolve("extends/compose.yaml")), ComposeOptions.defaults());

        ContainerSpec worker = services.get(1);
        assertThat(worker.name()).isEqualTo("worker");
        assertThat(worker.user()).isEqualTo("root");
        assertThat(worker.readOnly()).isTrue();
        assertThat(worker.capDrop()).extracting(Located::value).containsExactly("ALL");
        assertThat(worker.locate("read_only")).hasToString(DIR.resolve("extends/compose.yaml") + ":2");
        ContainerSpec remote = services.get(2);
        assertThat(remote.networkMode()).isEqualTo("host");
        assertThat(remote.locate("network_mode")).hasToString(DIR.resolve("extends/common.yaml") + ":4");
    }

    @Test
    void shouldAuditEveryServiceUnlessProfilesAreGiven() throws Exception {
        Path file = DIR.resolve("profiles/compose.yaml");

        assertThat(load(List.of(file), ComposeOptions.defaults())).extracting(ContainerSpec::name)
                .containsExactly("app", "debug");
        assertThat(load(List.of(file), new ComposeOptions(Map.of(), null, Set.of("other"))))
                .extracting(ContainerSpec::name).containsExactly("app");
        assertThat(load(List.of(file), new ComposeOptions(Map.of(), null, Set.of("debug"))))
                .extracting(ContainerSpec::name).containsExactly("app", "debug");
    }

    @Test
    void shouldMarkInternalNetworks() throws Exception {
        ContainerSpec app = load(List.of(DIR.resolve("profiles/compose.yaml")), ComposeOptions.defaults()).getFirst();

        assertThat(app.internalNetworks()).containsExactly("backend");
    }

    @Test
    void shouldRejectFileThatIsNotYaml() {
        Path file = DIR.resolve("bad/not-yaml.yaml");

        assertThatThrownBy(() -> load(List.of(file), ComposeOptions.defaults()))
                .isInstanceOf(AuditInputException.class)
                .hasMessage(file + ":2: invalid YAML: mapping values are not allowed here")
                .satisfies(e -> assertThat(((AuditInputException) e).location().line()).isEqualTo(2));
    }

    @Test
    void shouldRejectAnchorBomb() {
        Path file = DIR.resolve("bad/anchor-bomb.yaml");

        assertThatThrownBy(() -> load(List.of(file), ComposeOptions.defaults()))
                .isInstanceOf(AuditInputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("alias");
    }

    @Test
    void shouldRejectRequiredVariableThatIsNotSet() {
        Path file = DIR.resolve("bad/required-variable.yaml");

        assertThatThrownBy(() -> load(List.of(file), ComposeOptions.defaults()))
                .isInstanceOf(AuditInputException.class)
                .hasMessage(file + ":5: required variable DB_PASSWORD is not set: set DB_PASSWORD in .env");
    }

    @Test
    void shouldRejectListAtTopLevel() {
        Path file = DIR.resolve("bad/list-root.yaml");

        assertThatThrownBy(() -> load(List.of(file), ComposeOptions.defaults()))
                .isInstanceOf(AuditInputException.class)
                .hasMessage(file + ":1: not a compose file: expected a mapping with a services key at the top"
                        + " level, found a list");
    }

    @Test
    void shouldWarnAboutUnknownTopLevelKey() throws Exception {
        Path file = DIR.resolve("bad/unknown-key.yaml");
        ComposeProject project = new ComposeLoader(ComposeOptions.defaults()).load(List.of(file));

        assertThat(project.warnings()).containsExactly(
                new AuditWarning(new SourceLocation(file.toString(), 5, 1), "unknown top-level key servcies is ignored"));
        assertThat(project.services()).extracting(ContainerSpec::name).containsExactly("web");
    }

    private static List<ContainerSpec> load(List<Path> files, ComposeOptions options) throws AuditInputException {
        return new ComposeLoader(options).load(files).services();
    }
}
