package dev.portcullis.catalog.java;

import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Java archive and every archive nested in it, depth first, and returns what each one declares
 * about its identity. Only the central directory, manifests, {@code pom.properties} files and nested
 * archives are read, so large class entries cost nothing. A nested archive that is corrupt, too deep
 * or inflates past the limits is reported as {@link Skipped} and its siblings are still read. A walker
 * keeps the remaining byte budget of the archive it walks, so it reads one archive at a time.
 */
final class ArchiveWalker {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWalker.class);

    /** Archive extensions: plain, web and enterprise archives, and Jenkins plugins. */
    static final Set<String> EXTENSIONS = Set.of(".jar", ".war", ".ear", ".hpi", ".jpi");

    private static final long MAX_METADATA_BYTES = 1L << 20;
    private static final Set<String> CLASS_ROOTS = Set.of("BOOT-INF/classes/", "WEB-INF/classes/");

    private final ArchiveLimits limits;
    private final ArchiveBuffer buffer;
    private final Consumer<Skipped> skipped;
    private long copiedBeforeNested;

    ArchiveWalker(ArchiveLimits limits, Consumer<Skipped> skipped) {
        this.limits = limits;
        this.buffer = new ArchiveBuffer(limits);
        this.skipped = skipped;
    }

    static boolean isArchiveName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /** Reads the top-level archive at {@code path} from the stream; the caller closes the stream. */
    List<ArchiveContents> walk(String path, InputStream in) {
        List<ArchiveContents> found = new ArrayList<>();
        try {
            ZipFile zip = buffer.open(in, Long.MAX_VALUE, path);
            copiedBeforeNested = buffer.copiedBytes();
            read(zip, path, 0, found);
        } catch (IOException | RuntimeException e) {
            skip(path, "not a readable zip archive: " + e.getMessage());
        }
        return found;
    }

    private void read(ZipFile zip, String chain, int depth, List<ArchiveContents> found) throws IOException {
        List<ZipArchiveEntry> nested = new ArrayList<>();
        try (zip) {
            List<PomProperties> poms = new ArrayList<>();
            JarManifest manifest = JarManifest.EMPTY;
            ClassPackages classes = new ClassPackages();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.equals("pom.properties") || name.endsWith("/pom.properties")) {
                    readPom(zip, entry, chain).ifPresent(poms::add);
                } else if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    manifest = readManifest(zip, entry, chain);
                } else if (name.endsWith(".class")) {
                    classes.add(stripClassRoot(name));
                } else if (isArchiveName(name)) {
                    nested.add(entry);
                }
            }
            found.add(new ArchiveContents(chain, List.copyOf(poms), manifest, classes.commonPackage()));
            for (ZipArchiveEntry entry : nested) {
                readNested(zip, entry, chain + "!/" + entry.getName(), depth + 1, found);
            }
        }
    }

    private void readNested(
            ZipFile parent, ZipArchiveEntry entry, String chain, int depth, List<ArchiveContents> found) {
        if (depth > limits.maxDepth()) {
            skip(chain, "nested more than %d archives deep; not read".formatted(limits.maxDepth()));
            return;
        }
        long declared = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (declared > limits.maxEntryBytes()) {
            skip(chain, "declares %d bytes, more than the %d-byte limit for nested archives; skipped as a possible "
                    .formatted(declared, limits.maxEntryBytes()) + "zip bomb");
            return;
        }
        if (declared > limits.ratioFloorBytes() && compressed > 0 && declared / compressed > limits.maxRatio()) {
            skip(chain, "declares a compression ratio above %d; skipped as a possible zip bomb"
                    .formatted(limits.maxRatio()));
            return;
        }
        // Bytes inflated by nested archives that then failed count too, so failures cannot inflate without end.
        long nestedBytesLeft = limits.maxTotalBytes() - (buffer.copiedBytes() - copiedBeforeNested);
        if (nestedBytesLeft <= 0 || declared > nestedBytesLeft) {
            skip(chain, "nested archives of this archive already inflated to the %d-byte total limit; not read"
                    .formatted(limits.maxTotalBytes()));
            return;
        }
        ZipFile zip;
        try (InputStream in = parent.getInputStream(entry)) {
            zip = buffer.open(in, Math.min(limits.maxEntryBytes(), nestedBytesLeft), chain);
        } catch (ArchiveTooLargeException e) {
            skip(chain, e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            skip(chain, "not a readable zip archive: " + e.getMessage());
            return;
        }
        try {
            read(zip, chain, depth, found);
        } catch (IOException | RuntimeException e) {
            skip(chain, "failed to read the archive: " + e.getMessage());
        }
    }

    private java.util.Optional<PomProperties> readPom(ZipFile zip, ZipArchiveEntry entry, String chain) {
        try (InputStream in = bounded(zip, entry)) {
            return PomProperties.parse(in, entry.getName());
        } catch (IOException | IllegalArgumentException e) {
            skip(chain + "!/" + entry.getName(), "invalid pom.properties: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private JarManifest readManifest(ZipFile zip, ZipArchiveEntry entry, String chain) {
        try (InputStream in = bounded(zip, entry)) {
            return JarManifest.parse(in);
        } catch (IOException | RuntimeException e) {
            skip(chain + "!/" + entry.getName(), "invalid manifest: " + e.getMessage());
            return JarManifest.EMPTY;
        }
    }

    private static InputStream bounded(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        return BoundedInputStream.builder()
                .setInputStream(zip.getInputStream(entry))
                .setMaxCount(MAX_METADATA_BYTES)
                .get();
    }

    private static String stripClassRoot(String name) {
        for (String root : CLASS_ROOTS) {
            if (name.startsWith(root)) {
                return name.substring(root.length());
            }
        }
        return name;
    }

    private void skip(String location, String reason) {
        LOG.warn("Skipping {}: {}", location, reason);
        skipped.accept(new Skipped(location, reason));
    }
}
