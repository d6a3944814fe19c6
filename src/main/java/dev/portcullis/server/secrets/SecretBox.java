package dev.portcullis.server.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts short secrets with AES-256-GCM under one server key. Each value gets a fresh random 96-bit
 * nonce, and the field name is authenticated as associated data, so a sealed value copied into another
 * field fails to open.
 *
 * <pre>{@code
 * SecretBox box = new SecretBox(key32Bytes);
 * String sealed = box.seal("secret", "s3cr3t"); // enc:v1:<base64 of nonce, ciphertext and tag>
 * box.open("secret", sealed);                  // "s3cr3t"
 * }</pre>
 *
 * @see <a href="https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf">NIST SP 800-38D (GCM)</a>
 */
public final class SecretBox {

    /** The prefix of every sealed value, with the format version. */
    public static final String PREFIX = "enc:v1:";
    public static final int KEY_BYTES = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The secret key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Returns whether the value is in the sealed format. */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Encrypts the value for the field. */
    public String seal(String field, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts a sealed value of the field.
     *
     * @throws SecretException when the value is not sealed, or was sealed under another key or for another field
     */
    public String open(String field, String sealed) throws SecretException {
        if (!isSealed(sealed)) {
            throw new SecretException("The stored " + field + " is not encrypted");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretException("The stored " + field + " is not valid base64");
        }
        if (in.length <= NONCE_BYTES) {
            throw new SecretException("The stored " + field + " is too short to be an encrypted value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretException("The stored " + field + " failed to decrypt: the server key differs from the"
                    + " one it was encrypted with, or the value was altered");
        }
    }

    /**
     * Returns a hex HMAC-SHA256 of a fixed text under the key, to check that every server on one database
     * uses the same key without storing the key.
     */
    public String fingerprint() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("portcullis channel secret key".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable: " + e.getMessage(), e);
        }
    }
}
