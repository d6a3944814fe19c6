package dev.portcullis.image.layer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes a digest of every byte that passes. Unlike {@link java.security.DigestInputStream}, it
 * also hashes skipped bytes, which tar readers skip over for entries that are not read.
 */
public final class HashingInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private final String algorithm;
    private long count;

    /**
     * @param algorithm an OCI digest algorithm, {@code sha256} or {@code sha512}
     */
    public HashingInputStream(InputStream in, String algorithm) {
        super(in);
        this.algorithm = algorithm;
        this.digest = newDigest(algorithm);
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            digest.update((byte) value);
            count++;
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            digest.update(buffer, offset, read);
            count += read;
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads the rest of the stream so that the digest covers all of it. */
    public void drain() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // reading is the point
        }
    }

    public long count() {
        return count;
    }

    /** Returns the digest in OCI form, for example {@code sha256:0f3a...}; call once, after the last read. */
    public String digest() {
        return algorithm + ":" + HexFormat.of().formatHex(digest.digest());
    }

    /** Returns a {@link MessageDigest} for an OCI digest algorithm name. */
    public static MessageDigest newDigest(String algorithm) {
        try {
            return switch (algorithm) {
                case "sha256" -> MessageDigest.getInstance("SHA-256");
                case "sha512" -> MessageDigest.getInstance("SHA-512");
                default -> throw new IllegalArgumentException("unsupported digest algorithm " + algorithm);
            };
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
