package dev.portcullis.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretBoxTest {

    private static final byte[] KEY = filled(7);
    private final SecretBox box = new SecretBox(KEY);

    @Test
    void shouldOpenWhatItSealed() throws Exception {
        String sealed = box.seal("channel.email.password", "smtp-password-456");

        assertThat(sealed).startsWith("enc:v1:").doesNotContain("smtp-password-456");
        assertThat(box.open("channel.email.password", sealed)).isEqualTo("smtp-password-456");
    }

    @Test
    void shouldUseFreshNoncePerSeal() {
        assertThat(box.seal("f", "same")).isNotEqualTo(box.seal("f", "same"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            other key    | The stored channel.webhook.secret failed to decrypt: the server key differs from the one it was encrypted with, or the value was altered
            other field  | The stored channel.slack.url failed to decrypt: the server key differs from the one it was encrypted with, or the value was altered
            altered      | The stored channel.webhook.secret failed to decrypt: the server key differs from the one it was encrypted with, or the value was altered
            plain text   | The stored channel.webhook.secret is not encrypted
            not base64   | The stored channel.webhook.secret is not valid base64
            too short    | The stored channel.webhook.secret is too short to be an encrypted value
            """)
    void shouldRejectValueItCannotOpen(String case_, String message) {
        String sealed = box.seal("channel.webhook.secret", "webhook-secret-789");
        SecretBox opener = case_.equals("other key") ? new SecretBox(filled(8)) : box;
        String field = case_.equals("other field") ? "channel.slack.url" : "channel.webhook.secret";
        String value = switch (case_) {
            case "altered" -> alter(sealed);
            case "plain text" -> "webhook-secret-789";
            case "not base64" -> "enc:v1:***";
            case "too short" -> "enc:v1:" + Base64.getEncoder().encodeToString(new byte[12]);
            default -> sealed;
        };

        assertThatThrownBy(() -> opener.open(field, value)).isInstanceOf(SecretException.class).hasMessage(message);
    }

    @Test
    void shouldRejectKeyOfWrongLength() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The secret key must be 32 bytes, not 16");
    }

    @Test
    void shouldFingerprintByKey() {
        assertThat(box.fingerprint()).hasSize(64).isEqualTo(new SecretBox(KEY).fingerprint())
                .isNotEqualTo(new SecretBox(filled(8)).fingerprint());
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        Arrays.fill(key, (byte) value);
        return key;
    }

    private static String alter(String sealed) {
        byte[] raw = Base64.getDecoder().decode(sealed.substring(SecretBox.PREFIX.length()));
        raw[raw.length - 1] ^= 1;
        return SecretBox.PREFIX + Base64.getEncoder().encodeToString(raw);
    }
}
