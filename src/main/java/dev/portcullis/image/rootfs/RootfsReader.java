package dev.portcullis.image.rootfs;

import dev.portcullis.image.tree.EntryHeader;
import dev.portcullis.image.tree.StoredContent;
import dev.portcullis.image.tree.TreeBuilder;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks an unpacked root filesystem folder into a {@link TreeBuilder} without following any link, so
 * links are resolved later inside the image root and never reach a host file. Requested files are not
 * copied: their content is read from the folder when opened.
 */
public final class RootfsReader {

    private static final Logger LOG = LoggerFactory.getLogger(RootfsReader.class);
    private static final int TYPE_MASK = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int FIFO = 0010000;

    /** Walks the folder; an unreadable entry is recorded as skipped and the walk goes on. */
    public void read(Path root, TreeBuilder builder) throws IOException {
        builder.startLayer(-1, root.toString());
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(root)) {
                    add(root, dir, attributes, builder);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                add(root, file, attributes, builder);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                builder.skip(relative(root, file), "cannot be read (" + e.getMessage() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        builder.finishLayer();
    }

    private static void add(Path root, Path file, BasicFileAttributes attributes, TreeBuilder builder) throws IOException {
        String name = relative(root, file);
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(file, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            builder.skip(name, "cannot read its owner and mode (" + e.getMessage() + ")");
            return;
        }
        int mode = (Integer) unix.get("mode");
        EntryHeader.Kind kind = kindOf(attributes, mode);
        if (kind == null) {
            LOG.debug("{}: socket left out", name);
            return;
        }
        String linkName = kind == EntryHeader.Kind.SYMLINK ? Files.readSymbolicLink(file).toString() : null;
        long size = kind == EntryHeader.Kind.REGULAR ? attributes.size() : 0;
        EntryHeader header = new EntryHeader(name, kind, size, mode & 07777, (Integer) unix.get("uid"),
                (Integer) unix.get("gid"), linkName);
        builder.add(header, () -> new StoredContent.HostFile(file, size));
    }

    private static EntryHeader.Kind kindOf(BasicFileAttributes attributes, int mode) {
        if (attributes.isSymbolicLink()) {
            return EntryHeader.Kind.SYMLINK;
        }
        if (attributes.isDirectory()) {
            return EntryHeader.Kind.DIRECTORY;
        }
        if (attributes.isRegularFile()) {
            return EntryHeader.Kind.REGULAR;
        }
        return switch (mode & TYPE_MASK) {
            case CHARACTER_DEVICE -> EntryHeader.Kind.CHARACTER_DEVICE;
            case BLOCK_DEVICE -> EntryHeader.Kind.BLOCK_DEVICE;
            case FIFO -> EntryHeader.Kind.FIFO;
            // Sockets and unknown types are not files an image ships.
            default -> null;
        };
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
