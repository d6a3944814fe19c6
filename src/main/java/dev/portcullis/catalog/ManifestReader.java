package dev.portcullis.catalog;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads one lockfile or manifest for a cataloger. A file over the size limit is skipped rather than
 * read into memory. A file that cannot be read or parsed is skipped with the reason, so the rest of
 * the catalog completes.
 *
 * <pre>{@code
 * Optional<JsonNode> root = ManifestReader.read(entry, context, "invalid deps.json", JSON::readTree);
 * }</pre>
 */
public final class ManifestReader {

    /** Lockfiles of real projects stay far below this size. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    /** Parses a manifest's bytes. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    private ManifestReader() {}

    /**
     * Parses the file, or records a {@link Skipped} entry and returns empty.
     *
     * @param failure the start of the skip reason when reading or parsing fails, such as {@code invalid Cargo.lock}
     */
    public static <T> Optional<T> read(FileEntry entry, CatalogContext context, String failure, Parser<T> parser) {
        if (entry.size() > MAX_FILE_BYTES) {
            String reason = "file of %d bytes is larger than the %d-byte limit; not read"
                    .formatted(entry.size(), MAX_FILE_BYTES);
            context.skipped().accept(new Skipped(entry.path(), reason));
            return Optional.empty();
        }
        try (InputStream in = context.files().open(entry.path())) {
            return Optional.of(parser.parse(in));
        } catch (IOException | RuntimeException e) {
            // Parsers of TOML and YAML throw unchecked exceptions on malformed input.
            context.skipped().accept(new Skipped(entry.path(), failure + ": " + e.getMessage()));
            return Optional.empty();
        }
    }
}
