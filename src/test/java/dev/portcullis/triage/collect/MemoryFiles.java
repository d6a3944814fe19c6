package dev.portcullis.triage.collect;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.FileType;
import dev.portcullis.image.FileVersion;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A file tree in memory for collector tests: regular files with content, and directories. */
final class MemoryFiles implements FileResolver {

    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, Integer> layers = new TreeMap<>();

    MemoryFiles file(String path, byte[] content, int layer) {
        files.put(path, content);
        layers.put(path, layer);
        return this;
    }

    MemoryFiles directory(String path) {
        files.put(path, null);
        layers.put(path, 0);
        return this;
    }

    @Override
    public Optional<FileEntry> find(String path) {
        return findNoFollow(path);
    }

    @Override
    public Optional<FileEntry> findNoFollow(String path) {
        if (!files.containsKey(path)) {
            return Optional.empty();
        }
        byte[] content = files.get(path);
        FileType type = content == null ? FileType.DIRECTORY : FileType.REGULAR;
        return Optional.of(new FileEntry(path, type, content == null ? 0 : content.length, 0644, 0, 0, null,
                layers.get(path)));
    }

    @Override
    public List<FileEntry> glob(String pattern) {
        return List.of();
    }

    @Override
    public InputStream open(String path) throws FileNotFoundException {
        byte[] content = files.get(path);
        if (content == null) {
            throw new FileNotFoundException(path);
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public List<FileVersion> versions(String path) {
        return List.of();
    }
}
