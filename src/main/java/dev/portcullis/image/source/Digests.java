package dev.portcullis.image.source;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.layer.HashingInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Checks OCI digests ({@code algorithm:hex}) and maps them to blob paths.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests">OCI digests</a>
 */
final class Digests {

    private static final Pattern VALID = Pattern.compile("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}");

    private Digests() {}

    /**
     * Returns the path of a blob inside an OCI layout, for example {@code blobs/sha256/0f3a...}.
     *
     * @throws ImageException when the digest is not a sha256 or sha512 digest in lower-case hex
     */
    static String blobPath(String digest, String location) throws ImageException {
        if (digest == null || !VALID.matcher(digest).matches()) {
            throw new ImageException(location + " names an invalid digest '" + digest
                    + "'; expected sha256: followed by 64 lower-case hex digits");
        }
        return "blobs/" + digest.replace(':', '/');
    }

    static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(HashingInputStream.newDigest("sha256").digest(bytes));
    }

    /** Verifies bytes read whole, such as a manifest or config, against their descriptor's digest. */
    static void verify(byte[] bytes, String digest, String location) throws ImageException {
        String algorithm = digest.substring(0, digest.indexOf(':'));
        MessageDigest md = HashingInputStream.newDigest(algorithm);
        String actual = algorithm + ":" + HexFormat.of().formatHex(md.digest(bytes));
        if (!actual.equals(digest)) {
            throw new ImageException(location + " has digest " + actual + " but the image names " + digest
                    + "; the blob is damaged or was replaced, so copy the image again");
        }
    }
}
