package dev.portcullis.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretKeysTest {

    private static final String KEY_OF_SEVENS = Base64.getEncoder().encodeToString(filled(7));

    @TempDir
    Path folder;

    @Test
    void shouldGenerateOwnerOnlyKeyOnce(@TempDir Path data) throws Exception {
        byte[] first = SecretKeys.load(null, null, data);
        byte[] second = SecretKeys.load(null, "", data);

        Path file = data.resolve("secret.key");
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(first);
        try (var listing = Files.list(data)) {
            assertThat(listing.map(path -> path.getFileName().toString())).containsExactly("secret.key");
        }
    }

    @Test
    void shouldPreferFileThenEnvironment(@TempDir Path data) throws Exception {
        Path file = Files.writeString(data.resolve("server.key"), Base64.getEncoder().encodeToString(filled(9)) + "\n");

        assertThat(SecretKeys.load(file, KEY_OF_SEVENS, data)).isEqualTo(filled(9));
        assertThat(SecretKeys.load(null, KEY_OF_SEVENS, data)).isEqualTo(filled(7));
        assertThat(data.resolve("secret.key")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            c2hvcnQ=   ; The secret key in PORTCULLIS_SECRET_KEY is 5 bytes, but it must be 32. Generate one with: head -c 32 /dev/urandom | base64
            not*base64 ; The secret key in PORTCULLIS_SECRET_KEY is not valid base64. Generate one with: head -c 32 /dev/urandom | base64
            """)
    void shouldRejectInvalidEnvironmentKey(String value, String message) {
        assertThatThrownBy(() -> SecretKeys.load(null, value, folder)).isInstanceOf(SecretException.class)
                .hasMessage(message);
    }

    @Test
    void shouldNameMissingKeyFile(@TempDir Path data) {
        Path missing = data.resolve("absent.key");

        assertThatThrownBy(() -> SecretKeys.load(missing, null, data)).isInstanceOf(SecretException.class)
                .hasMessage("Secret key file not found: " + missing + ". Create it with: head -c 32 /dev/urandom"
                        + " | base64 > " + missing);
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
