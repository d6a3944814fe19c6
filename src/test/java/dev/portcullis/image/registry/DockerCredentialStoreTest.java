package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerCredentialStoreTest {

    @TempDir
    Path folder;

    /** Entries base64: dXNlcjpwYXNz is user:pass, YWxpY2U6b3Blbjpz is alice:open:s. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            auth by host and port      | {"auths":{"127.0.0.1:5000":{"auth":"dXNlcjpwYXNz"}}}                  | 127.0.0.1:5000 | user   | pass
            auth by URL key            | {"auths":{"https://127.0.0.1:5000/v2/":{"auth":"dXNlcjpwYXNz"}}}      | 127.0.0.1:5000 | user   | pass
            password with colon        | {"auths":{"registry.example":{"auth":"YWxpY2U6b3Blbjpz"}}}            | registry.example | alice | open:s
            Docker Hub index key       | {"auths":{"https://index.docker.io/v1/":{"auth":"dXNlcjpwYXNz"}}}     | docker.io      | user   | pass
            username and password     | {"auths":{"registry.example":{"username":"bob","password":"pw"}}}     | registry.example | bob  | pw
            identity token             | {"auths":{"registry.example":{"identitytoken":"refresh-1"}}}          | registry.example | <token> | refresh-1
            other registry only        | {"auths":{"other.example":{"auth":"dXNlcjpwYXNz"}}}                   | registry.example | -    | -
            no auths                   | {}                                                                     | registry.example | -    | -
            """)
    void shouldFindAuthsEntry(String name, String config, String registry, String user, String secret) throws Exception {
        Path file = Files.writeString(folder.resolve("config.json"), config);

        Optional<RegistryCredentials> found = new DockerCredentialStore(file, List.of()).find(registry);

        assertThat(found.map(RegistryCredentials::username).orElse(null)).isEqualTo(user);
        assertThat(found.map(RegistryCredentials::secret).orElse(null)).isEqualTo(secret);
    }

    @Test
    void shouldPreferRegistryHelperOverAuths() throws Exception {
        Path bin = helper("portcullis-test", """
                read -r server
                printf '{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}' "$server"
                """);
        Path file = Files.writeString(folder.resolve("config.json"), """
                {"auths":{"registry.example":{"auth":"dXNlcjpwYXNz"}},
                 "credHelpers":{"registry.example":"portcullis-test"}}
                """);

        RegistryCredentials found = new DockerCredentialStore(file, List.of(bin)).find("registry.example").orElseThrow();

        assertThat(found.username()).isEqualTo("helper-user");
        assertThat(found.secret()).isEqualTo("helper-secret");
    }

    @Test
    void shouldPassDockerHubServerUrlToHelper() throws Exception {
        Path bin = helper("portcullis-test", """
                read -r server
                [ "$server" = "https://index.docker.io/v1/" ] || exit 3
                printf '{"Username":"<token>","Secret":"hub-refresh"}'
                """);
        Path file = Files.writeString(folder.resolve("config.json"), "{\"credsStore\":\"portcullis-test\"}");

        RegistryCredentials found = new DockerCredentialStore(file, List.of(bin)).find("docker.io").orElseThrow();

        assertThat(found.identityToken()).isTrue();
        assertThat(found.secret()).isEqualTo("hub-refresh");
    }

    @Test
    void shouldTreatHelperWithoutEntryAsAnonymous() throws Exception {
        Path bin = helper("portcullis-test", """
                echo "credentials not found in native keychain"
                exit 1
                """);
        Path file = Files.writeString(folder.resolve("config.json"), "{\"credsStore\":\"portcullis-test\"}");

        assertThat(new DockerCredentialStore(file, List.of(bin)).find("registry.example")).isEmpty();
    }

    @Test
    void shouldFallBackToAuthsWhenHelperMissing() throws Exception {
        Path file = Files.writeString(folder.resolve("config.json"), """
                {"auths":{"registry.example":{"auth":"dXNlcjpwYXNz"}},"credsStore":"not-installed"}
                """);

        RegistryCredentials found = new DockerCredentialStore(file, List.of(folder)).find("registry.example").orElseThrow();

        assertThat(found.username()).isEqualTo("user");
    }

    @Test
    void shouldReportFailingHelper() throws Exception {
        Path bin = helper("portcullis-test", """
                echo "keychain is locked" >&2
                exit 2
                """);
        Path file = Files.writeString(folder.resolve("config.json"), "{\"credsStore\":\"portcullis-test\"}");

        assertThatThrownBy(() -> new DockerCredentialStore(file, List.of(bin)).find("registry.example"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("docker-credential-portcullis-test failed for registry.example (exit 2): keychain is locked");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON        | {"auths":                                         | Cannot read Docker config
            bad base64      | {"auths":{"registry.example":{"auth":"%%%"}}}     | is not valid base64
            no colon        | {"auths":{"registry.example":{"auth":"dXNlcg=="}}} | is not USER:PASSWORD in base64
            """)
    void shouldRejectBrokenConfig(String name, String config, String message) throws Exception {
        Path file = Files.writeString(folder.resolve("config.json"), config);

        assertThatThrownBy(() -> new DockerCredentialStore(file, List.of()).find("registry.example"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(message)
                .hasMessageContaining(file.toString());
    }

    @Test
    void shouldTreatMissingConfigAsAnonymous() throws Exception {
        assertThat(new DockerCredentialStore(folder.resolve("absent.json"), List.of()).find("registry.example")).isEmpty();
    }

    @Test
    void shouldKeepSecretOutOfText() {
        assertThat(RegistryCredentials.basic("alice", "hunter2").toString()).contains("alice").doesNotContain("hunter2");
        assertThat(RegistryCredentials.ofIdentityToken("tok-9").toString()).doesNotContain("tok-9");
    }

    private Path helper(String name, String body) throws Exception {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path program = bin.resolve("docker-credential-" + name);
        Files.writeString(program, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        return bin;
    }
}
