package dev.portcullis.image.tree;

import dev.portcullis.image.FileRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of one layer as its reader saw them, with the content of requested files already
 * kept, so that a layer can be read on its own thread and merged into the tree after the layers
 * below it. Only requested content is stored, and other entries keep their header alone.
 *
 * <pre>{@code
 * RecordedLayer layer = new RecordedLayer(request);
 * layerReader.read(blob, check, layer);          // on any thread
 * builder.startLayer(index, name);
 * layer.applyTo(builder);                         // in layer order
 * builder.finishLayer();
 * }</pre>
 */
public final class RecordedLayer implements EntrySink {

    private final FileRequest request;
    private final List<Event> events = new ArrayList<>();

    public RecordedLayer(FileRequest request) {
        this.request = request;
    }

    @Override
    public void add(EntryHeader header, ContentSource content) throws IOException {
        StoredContent kept = TreeBuilder.requestsContent(request, header) ? content.keep() : null;
        events.add(new Event.Added(header, kept));
    }

    @Override
    public void skip(String entryName, String reason) {
        events.add(new Event.Skip(entryName, reason));
    }

    /** Replays the entries into the builder's current layer, in the order the archive listed them. */
    public void applyTo(TreeBuilder builder) {
        for (Event event : events) {
            switch (event) {
                case Event.Added added -> builder.addKept(added.header(), added.content());
                case Event.Skip skip -> builder.skip(skip.entryName(), skip.reason());
            }
        }
    }

    private sealed interface Event {
        record Added(EntryHeader header, StoredContent content) implements Event {}

        record Skip(String entryName, String reason) implements Event {}
    }
}
