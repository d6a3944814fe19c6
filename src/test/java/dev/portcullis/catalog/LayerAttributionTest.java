package dev.portcullis.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.FileVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayerAttributionTest {

    /** One layer's copy of a database that lists package keys one per line, or fails to open. */
    private record TextVersion(int layerIndex, String content) implements FileVersion {
        @Override
        public InputStream open() throws IOException {
            if (content == null) {
                throw new IOException("layer blob truncated");
            }
            return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final LayerAttribution.KeyReader LINES =
            in -> Set.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));

    @Test
    void shouldAttributeKeysToOldestContinuousLayer() {
        List<FileVersion> versions = List.of(
                new TextVersion(0, "libc6\ntzdata"),
                new TextVersion(1, "libc6"),
                new TextVersion(2, "libc6\ntzdata\nopenssl"));

        Map<String, Integer> addedIn = LayerAttribution.addedIn(versions, LINES);

        assertThat(addedIn).containsExactlyInAnyOrderEntriesOf(Map.of("libc6", 0, "tzdata", 2, "openssl", 2));
    }

    @Test
    void shouldIgnoreUnreadableCopy() {
        List<FileVersion> versions = List.of(
                new TextVersion(0, "libc6"),
                new TextVersion(1, null),
                new TextVersion(3, "libc6\ncurl"));

        Map<String, Integer> addedIn = LayerAttribution.addedIn(versions, LINES);

        assertThat(addedIn).containsExactlyInAnyOrderEntriesOf(Map.of("libc6", 0, "curl", 3));
    }

    @Test
    void shouldLeaveOutKeysRemovedLater() {
        List<FileVersion> versions = List.of(new TextVersion(0, "libc6\nwget"), new TextVersion(1, "libc6"));

        Map<String, Integer> addedIn = LayerAttribution.addedIn(versions, LINES);

        assertThat(addedIn).containsOnlyKeys("libc6");
    }
}
