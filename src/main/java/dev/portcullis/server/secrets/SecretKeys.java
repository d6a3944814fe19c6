package dev.portcullis.server.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the server key that encrypts channel secrets: the file of {@code --secret-key-file}, else the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, else {@value #FILE_NAME} in the data folder,
 * generated there with permissions 0600 on the first start. The key is 32 random bytes in base64, for
 * example the output of {@code head -c 32 /dev/urandom | base64}.
 */
public final class SecretKeys {

    public static final String ENVIRONMENT_VARIABLE = "PORTCULLIS_SECRET_KEY";
    public static final String FILE_NAME = "secret.key";

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretKeys() {}

    /**
     * Loads the key from the first source that is set.
     *
     * @param keyFile the {@code --secret-key-file} path, or null
     * @param environmentValue the value of {@value #ENVIRONMENT_VARIABLE}, or null
     * @param dataDir the server's data folder, where a key is generated when neither is set
     */
    public static byte[] load(Path keyFile, String environmentValue, Path dataDir) throws SecretException, IOException {
        if (keyFile != null) {
            if (!Files.isRegularFile(keyFile)) {
                throw new SecretException("Secret key file not found: " + keyFile
                        + ". Create it with: head -c 32 /dev/urandom | base64 > " + keyFile);
            }
            return decode(Files.readString(keyFile, StandardCharsets.US_ASCII), "the file " + keyFile);
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            return decode(environmentValue, ENVIRONMENT_VARIABLE);
        }
        Path generated = dataDir.resolve(FILE_NAME);
        if (!Files.exists(generated)) {
            generate(generated);
        }
        return decode(Files.readString(generated, StandardCharsets.US_ASCII), "the file " + generated);
    }

    // The key is written to a temporary file and then linked into place, so another process on the same
    // data folder never reads a half-written key, and the first one to link wins.
    private static void generate(Path file) throws IOException {
        Path folder = Files.createDirectories(file.getParent());
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(folder, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, FILE_NAME, ".tmp");
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, temporary);
            LOG.info("Generated the key that encrypts channel secrets in {}; back it up, since without it the"
                    + " stored secrets cannot be read", file);
        } catch (FileAlreadyExistsException e) {
            LOG.debug("Another process created {} first; using its key", file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] decode(String text, String source) throws SecretException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new SecretException("The secret key in " + source + " is not valid base64. Generate one with:"
                    + " head -c 32 /dev/urandom | base64");
        }
        if (key.length != SecretBox.KEY_BYTES) {
            throw new SecretException("The secret key in " + source + " is " + key.length + " bytes, but it must be "
                    + SecretBox.KEY_BYTES + ". Generate one with: head -c 32 /dev/urandom | base64");
        }
        return key;
    }
}
