package dev.portcullis.image.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileType;
import dev.portcullis.image.LayerFileEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerListingTest {

    /**
     * Each case lists layers separated by {@code |}, entries within a layer by spaces; a name ending in
     * {@code /} is a folder. The expected value names which entries of layer 0 end up deleted later.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            whiteout of the file                  ; a/ a/key                 | a/.wh.key            ; /a/key
            whiteout of a parent folder           ; a/ a/key                 | .wh.a                ; /a /a/key
            opaque marker of the parent           ; a/ a/key a/b/ a/b/c      | a/.wh..wh..opq       ; /a/b /a/b/c /a/key
            rewritten after the whiteout          ; a/ a/key                 | a/.wh.key a/key      ; ''
            overwritten by a later layer          ; a/ a/key                 | a/key                ; ''
            whiteout two layers later             ; a/ a/key                 | b/ | a/.wh.key       ; /a/key
            sibling with a shared name prefix     ; a/ a/key a/keys          | a/.wh.key            ; /a/key
            opaque marker keeps the folder itself ; a/ a/key                 | a/.wh..wh..opq a/new ; /a/key
            """)
    void shouldMarkEntriesThatLaterMarkersDelete(String name, String layers, String deletedInBase) throws IOException {
        List<List<LayerFileEntry>> listed = list(layers.trim().split("\\s*\\|\\s*"));

        List<String> deleted = listed.getFirst().stream().filter(LayerFileEntry::deletedLater)
                .map(LayerFileEntry::path).sorted().toList();
        List<String> expected = deletedInBase.isBlank() ? List.of() : Arrays.stream(deletedInBase.trim().split(" "))
                .sorted().toList();
        assertThat(deleted).isEqualTo(expected);
    }

    @Test
    void shouldListEntriesWithoutMarkers() throws IOException {
        List<List<LayerFileEntry>> listed = list("a/ a/key", "a/.wh.key a/.wh..wh..opq x");

        assertThat(listed).hasSize(2);
        assertThat(listed.get(0)).containsExactly(
                new LayerFileEntry("/a", FileType.DIRECTORY, 0755, 0, false),
                new LayerFileEntry("/a/key", FileType.REGULAR, 0644, 3, true));
        assertThat(listed.get(1)).containsExactly(new LayerFileEntry("/x", FileType.REGULAR, 0644, 3, false));
    }

    /** Merges the layers through a real tree builder, then lists them against the merged tree. */
    private static List<List<LayerFileEntry>> list(String... layers) throws IOException {
        TreeBuilder builder = new TreeBuilder(FileRequest.none(), new ArrayList<>());
        LayerListing listing = new LayerListing();
        for (int index = 0; index < layers.length; index++) {
            List<EntryHeader> headers = Arrays.stream(layers[index].trim().split("\\s+"))
                    .map(LayerListingTest::header).toList();
            builder.startLayer(index, "layer " + index);
            for (EntryHeader header : headers) {
                builder.add(header, () -> null);
            }
            builder.finishLayer();
            listing.addLayer(index, headers);
        }
        return listing.build(builder.build());
    }

    private static EntryHeader header(String name) {
        return name.endsWith("/")
                ? new EntryHeader("./" + name, EntryHeader.Kind.DIRECTORY, 0, 0755, 0, 0, null)
                : new EntryHeader("./" + name, EntryHeader.Kind.REGULAR, 3, 0644, 0, 0, null);
    }
}
