package dev.portcullis.audit.layers;

import dev.portcullis.image.FileType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Layers held in memory for tests; a whiteout added to a later layer marks the earlier entry deleted. */
final class InMemoryLayerFiles implements LayerFiles {

    private final List<List<LayerEntry>> layers = new ArrayList<>();
    private final Map<String, byte[]> contents = new HashMap<>();

    InMemoryLayerFiles layer() {
        layers.add(new ArrayList<>());
        return this;
    }

    InMemoryLayerFiles file(String path, int mode, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        current().add(new LayerEntry(path, FileType.REGULAR, mode, bytes.length, false));
        contents.put((layers.size() - 1) + path, bytes);
        return this;
    }

    InMemoryLayerFiles directory(String path, int mode) {
        current().add(new LayerEntry(path, FileType.DIRECTORY, mode, 0, false));
        return this;
    }

    /** Deletes {@code path} in the current layer, as a {@code .wh.} entry does. */
    InMemoryLayerFiles whiteout(String path) {
        for (int i = 0; i < layers.size() - 1; i++) {
            List<LayerEntry> entries = layers.get(i);
            entries.replaceAll(e -> e.path().equals(path)
                    ? new LayerEntry(e.path(), e.type(), e.mode(), e.size(), true) : e);
        }
        return this;
    }

    @Override
    public int layerCount() {
        return layers.size();
    }

    @Override
    public List<LayerEntry> entries(int layerIndex) {
        return List.copyOf(layers.get(layerIndex));
    }

    @Override
    public Optional<byte[]> content(int layerIndex, String path, int maxBytes) {
        byte[] bytes = contents.get(layerIndex + path);
        return bytes == null ? Optional.empty() : Optional.of(Arrays.copyOf(bytes, Math.min(maxBytes, bytes.length)));
    }

    private List<LayerEntry> current() {
        return layers.getLast();
    }
}
