package dev.portcullis.image.source;

import dev.portcullis.image.ImageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The entries of a tar archive on disk, read by random access so that each blob streams straight
 * from the file. Symbolic and hard links between entries are followed inside the archive, since
 * {@code skopeo copy ... docker-archive:} writes each {@code <id>/layer.tar} as a link to a
 * {@code <digest>.tar} entry; a link leading outside the archive is rejected.
 */
final class TarBlobStore implements BlobStore {

    private static final int MAX_LINK_HOPS = 40;

    private final Path file;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();

    private TarBlobStore(Path file, TarFile tar) {
        this.file = file;
        this.tar = tar;
        for (TarArchiveEntry entry : tar.getEntries()) {
            String path = ArchivePaths.normalize("", entry.getName());
            if (path != null && !path.isEmpty()) {
                entries.put(path, entry);
            }
        }
    }

    /**
     * Opens a tar archive.
     *
     * @throws ImageException when the file is not a tar archive or has no entries
     */
    static TarBlobStore open(Path file) throws ImageException {
        TarFile tar;
        try {
            tar = new TarFile(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new ImageException(file + " is not a tar archive (" + e.getMessage()
                    + "); give a docker-save tarball, an OCI archive or layout folder, or a root filesystem folder", e);
        }
        if (tar.getEntries().isEmpty()) {
            closeQuietly(tar);
            throw new ImageException(file + " is not a tar archive with entries; give a docker-save tarball, "
                    + "an OCI archive or layout folder, or a root filesystem folder");
        }
        return new TarBlobStore(file, tar);
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public String describe(String path) {
        return file + " entry " + path;
    }

    @Override
    public boolean exists(String path) {
        return entries.containsKey(path);
    }

    /**
     * Opens an entry. Streams of one archive share its file channel and set its position on every
     * read, so the streams of layers read in parallel take turns on the archive.
     */
    @Override
    public InputStream open(String path) throws ImageException, IOException {
        TarArchiveEntry entry = resolve(path);
        synchronized (tar) {
            return new TurnTakingInputStream(tar.getInputStream(entry), tar);
        }
    }

    @Override
    public long size(String path) {
        try {
            return entries.containsKey(path) ? resolve(path).getSize() : -1;
        } catch (ImageException e) {
            return -1;
        }
    }

    private TarArchiveEntry resolve(String path) throws ImageException {
        String current = path;
        for (int hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            TarArchiveEntry entry = entries.get(current);
            if (entry == null) {
                throw new ImageException(file + " has no entry " + current
                        + (current.equals(path) ? "" : " (reached from " + path + ")")
                        + "; the archive is incomplete, so export it again");
            }
            if (entry.isSymbolicLink()) {
                current = linkTarget(path, ArchivePaths.parent(current), entry.getLinkName());
            } else if (entry.isLink()) {
                current = linkTarget(path, "", entry.getLinkName());
            } else if (entry.isFile()) {
                return entry;
            } else {
                throw new ImageException(file + ": entry " + current + " is not a regular file");
            }
        }
        throw new ImageException(file + ": entry " + path + " is a link loop inside the archive");
    }

    private String linkTarget(String path, String base, String target) throws ImageException {
        String resolved = ArchivePaths.normalize(base, target);
        if (resolved == null) {
            throw new ImageException(file + ": entry " + path + " links to " + target
                    + " outside the archive; the archive is invalid, so export it again");
        }
        return resolved;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    private static void closeQuietly(TarFile tar) {
        try {
            tar.close();
        } catch (IOException e) {
            // The archive was only read, so a failed close loses nothing.
        }
    }

    /** Reads an entry stream while holding the archive's lock. */
    private static final class TurnTakingInputStream extends FilterInputStream {

        private final Object lock;

        TurnTakingInputStream(InputStream in, Object lock) {
            super(in);
            this.lock = lock;
        }

        @Override
        public int read() throws IOException {
            synchronized (lock) {
                return super.read();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            synchronized (lock) {
                return super.read(buffer, offset, length);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            synchronized (lock) {
                return super.skip(n);
            }
        }

        @Override
        public int available() throws IOException {
            synchronized (lock) {
                return super.available();
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (lock) {
                super.close();
            }
        }
    }
}
