package dev.portcullis.catalog.runtime;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Node.js runtimes: ELF files named {@code node} in a {@code bin} folder
 * ({@code /usr/local/bin/node}, {@code /usr/bin/node}, {@code /nodejs/bin/node}), and reads the
 * version the binary embeds, without running it. The binary is about 100 MB, so it is read as a
 * stream with a small overlapping buffer.
 *
 * <p>Node.js builds carry the marker {@code node.js/v20.20.2} (its default HTTP user agent part);
 * when it is missing, the release download URL {@code nodejs.org/download/release/v20.20.2/} is
 * used. Example: {@code /usr/local/bin/node} of the official 20.20.2 build gives package
 * {@code node 20.20.2}, purl {@code pkg:generic/node@20.20.2}.
 *
 * @see <a href="https://github.com/package-url/purl-spec/blob/main/PURL-TYPES.rst">purl types: generic</a>
 */
public final class NodeRuntimeCataloger implements Cataloger {

    public static final String NAME = "node-runtime-cataloger";

    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntimeCataloger.class);
    private static final List<String> GLOBS = List.of("/bin/node", "/**/bin/node");
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final List<Pattern> MARKERS = List.of(
            Pattern.compile("node\\.js/v(\\d+\\.\\d+\\.\\d+)"),
            Pattern.compile("nodejs\\.org/download/release/v(\\d+\\.\\d+\\.\\d+)/"));
    private static final int BUFFER_SIZE = 1 << 20;
    private static final int OVERLAP = 96;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs(GLOBS.toArray(String[]::new));
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        Map<String, FileEntry> binaries = new TreeMap<>();
        for (String glob : GLOBS) {
            for (FileEntry entry : context.files().glob(glob)) {
                if (entry.isRegularFile() && !entry.path().contains("/node_modules/")) {
                    binaries.put(entry.path(), entry);
                }
            }
        }
        List<Package> found = new ArrayList<>();
        for (FileEntry entry : binaries.values()) {
            try {
                version(context, entry.path()).ifPresent(version -> found.add(runtime(context, entry, version)));
            } catch (IOException e) {
                context.skipped().accept(new Skipped(entry.path(), "failed to read the Node.js binary: " + e.getMessage()));
            }
        }
        return found;
    }

    private static Package runtime(CatalogContext context, FileEntry entry, String version) {
        return new Package(PackageType.GENERIC, "node", version, null, null, "pkg:generic/node@" + version, NAME,
                List.of(entry.path()), List.of(entry.path()), context.layer(entry.layerIndex()), List.of(), Map.of());
    }

    /** Returns the embedded version, or empty for a file that is no ELF binary or has no marker. */
    static Optional<String> version(CatalogContext context, String path) throws IOException {
        try (InputStream in = context.files().open(path)) {
            return version(in, path);
        }
    }

    static Optional<String> version(InputStream in, String path) throws IOException {
        byte[] magic = in.readNBytes(ELF_MAGIC.length);
        if (!Arrays.equals(magic, ELF_MAGIC)) {
            LOG.debug("{} is not an ELF binary; not a Node.js runtime", path);
            return Optional.empty();
        }
        String fallback = null;
        byte[] buffer = new byte[BUFFER_SIZE + OVERLAP];
        int carried = 0;
        int read;
        while ((read = in.read(buffer, carried, BUFFER_SIZE)) > 0) {
            int length = carried + read;
            // ISO-8859-1 maps every byte to one char, so offsets in the text are offsets in the buffer.
            String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
            Optional<String> primary = find(MARKERS.get(0), text);
            if (primary.isPresent()) {
                return primary;
            }
            if (fallback == null) {
                fallback = find(MARKERS.get(1), text).orElse(null);
            }
            carried = Math.min(OVERLAP, length);
            System.arraycopy(buffer, length - carried, buffer, 0, carried);
        }
        if (fallback == null) {
            LOG.debug("{} is an ELF binary without a Node.js version marker", path);
        }
        return Optional.ofNullable(fallback);
    }

    // A match that reaches the end of the window may be cut short, as "v20.20.2" of "v20.20.21".
    // The overlap brings it back whole in the next window.
    private static Optional<String> find(Pattern marker, String text) {
        Matcher matcher = marker.matcher(text);
        while (matcher.find()) {
            if (matcher.end() < text.length()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
