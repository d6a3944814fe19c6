package dev.portcullis.bench;

import dev.portcullis.image.tree.EntryHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Three generated layers shaped like a Debian image with a Node.js application, about 20,000 entries
 * in all: a base of packages with dpkg file lists and symbolic links in {@code /usr/bin}, an
 * application layer of {@code node_modules} that whites out part of the base and empties one
 * directory, and a top layer that overwrites files and adds chains of links. Every regular file
 * contains a short text, so the layers are small and their content does not dominate the
 * measurements.
 */
final class GeneratedLayers {

    static final int BASE_PACKAGES = 1_000;
    static final int NODE_MODULES = 1_500;

    private GeneratedLayers() {}

    /** Returns the entry headers of each layer, bottom layer first. */
    static List<List<EntryHeader>> headers() {
        return List.of(base(), application(), top());
    }

    /** Returns each layer as an uncompressed tar, bottom layer first. */
    static List<byte[]> tars() {
        return headers().stream().map(GeneratedLayers::tar).toList();
    }

    /** Returns the text every generated regular file holds. */
    static byte[] content(EntryHeader header) {
        return ("content of " + header.name() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<EntryHeader> base() {
        List<EntryHeader> entries = new ArrayList<>();
        entries.add(directory("usr/bin/"));
        entries.add(directory("var/lib/dpkg/info/"));
        entries.add(file("var/lib/dpkg/status"));
        for (int i = 0; i < BASE_PACKAGES; i++) {
            String lib = "usr/lib/pkg" + i + "/";
            entries.add(directory(lib));
            entries.add(directory(lib + "bin/"));
            entries.add(file(lib + "bin/tool"));
            entries.add(file(lib + "libpkg" + i + ".so.1"));
            entries.add(symlink(lib + "libpkg" + i + ".so", "libpkg" + i + ".so.1"));
            entries.add(file(lib + "README"));
            entries.add(file("usr/share/doc/pkg" + i + "/copyright"));
            entries.add(file("var/lib/dpkg/info/pkg" + i + ".list"));
            entries.add(file("var/lib/dpkg/info/pkg" + i + ".md5sums"));
            entries.add(symlink("usr/bin/tool" + i, "../lib/pkg" + i + "/bin/tool"));
        }
        return entries;
    }

    private static List<EntryHeader> application() {
        List<EntryHeader> entries = new ArrayList<>();
        entries.add(directory("app/"));
        entries.add(file("app/package.json"));
        for (int i = 0; i < NODE_MODULES; i++) {
            String module = "app/node_modules/module" + i + "/";
            entries.add(directory(module));
            entries.add(file(module + "package.json"));
            entries.add(file(module + "index.js"));
            entries.add(directory(module + "lib/"));
            entries.add(file(module + "lib/main.js"));
            if (i % 10 == 0) {
                entries.add(file(module + "node_modules/nested" + i + "/package.json"));
            }
        }
        for (int i = 0; i < BASE_PACKAGES; i += 10) {
            entries.add(file("usr/share/doc/pkg" + i + "/.wh.copyright"));
            entries.add(file("usr/lib/pkg" + (i + 1) + "/.wh..wh..opq"));
        }
        return entries;
    }

    private static List<EntryHeader> top() {
        List<EntryHeader> entries = new ArrayList<>();
        entries.add(file("var/lib/dpkg/status"));
        for (int i = 0; i < BASE_PACKAGES; i += 2) {
            entries.add(file("usr/lib/pkg" + i + "/README"));
            entries.add(symlink("opt/links/a" + i, "b" + i));
            entries.add(symlink("opt/links/b" + i, "/usr/bin/tool" + i));
        }
        for (int i = 0; i < NODE_MODULES; i += 3) {
            entries.add(file("app/node_modules/module" + i + "/.wh.index.js"));
        }
        return entries;
    }

    private static EntryHeader directory(String name) {
        return new EntryHeader(name, EntryHeader.Kind.DIRECTORY, 0, 0755, 0, 0, null);
    }

    private static EntryHeader file(String name) {
        int size = ("content of " + name + "\n").getBytes(StandardCharsets.UTF_8).length;
        return new EntryHeader(name, EntryHeader.Kind.REGULAR, size, 0644, 0, 0, null);
    }

    private static EntryHeader symlink(String name, String target) {
        return new EntryHeader(name, EntryHeader.Kind.SYMLINK, 0, 0777, 0, 0, target);
    }

    private static byte[] tar(List<EntryHeader> headers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (EntryHeader header : headers) {
                TarArchiveEntry entry = switch (header.kind()) {
                    case SYMLINK -> new TarArchiveEntry(header.name(), TarConstants.LF_SYMLINK);
                    default -> new TarArchiveEntry(header.name());
                };
                if (header.kind() == EntryHeader.Kind.SYMLINK) {
                    entry.setLinkName(header.linkName());
                }
                entry.setMode(header.mode());
                byte[] content = header.kind() == EntryHeader.Kind.REGULAR ? content(header) : new byte[0];
                entry.setSize(content.length);
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("generating a layer in memory failed", e);
        }
        return bytes.toByteArray();
    }
}
