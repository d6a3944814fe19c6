package dev.portcullis.image.tree;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileVersion;
import dev.portcullis.image.fixtures.LayerStack;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedTreeTest {

    @TempDir
    Path temp;

    private LayerStack stack;

    @BeforeEach
    void mergeLayers() throws Exception {
        byte[] base = tar()
                .file("usr/lib/os-release", "ID=debian\nVERSION_ID=11\n")
                .symlink("etc/os-release", "../usr/lib/os-release")
                .file("usr/share/doc/a/copyright", "a")
                .file("usr/share/doc/b/copyright", "b")
                .build();
        byte[] upgrade = tar().file("usr/lib/os-release", "ID=debian\nVERSION_ID=12\n").build();
        stack = LayerStack.merge(temp, FileRequest.globs("/usr/lib/os-release", "/etc/os-release"), List.of(base, upgrade));
    }

    @Test
    void shouldOpenLatestVersionThroughLink() throws Exception {
        assertThat(stack.read("/etc/os-release")).isEqualTo("ID=debian\nVERSION_ID=12\n");
    }

    @Test
    void shouldListVersionsThroughLink() throws Exception {
        List<FileVersion> versions = stack.tree().versions("/etc/os-release");

        assertThat(versions).extracting(FileVersion::layerIndex).containsExactly(0, 1);
        try (var in = versions.getFirst().open()) {
            assertThat(new String(in.readAllBytes())).isEqualTo("ID=debian\nVERSION_ID=11\n");
        }
    }

    @Test
    void shouldGlobVisibleEntriesInPathOrder() {
        assertThat(stack.tree().glob("/usr/share/doc/*/copyright")).extracting(FileEntry::path)
                .containsExactly("/usr/share/doc/a/copyright", "/usr/share/doc/b/copyright");
    }

    @Test
    void shouldRejectUnrequestedContent() {
        assertThatThrownBy(() -> stack.tree().open("/usr/share/doc/a/copyright"))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("content of /usr/share/doc/a/copyright was not kept: add the path to the file request");
    }

    @Test
    void shouldRejectDirectoryAndMissingPath() {
        assertThatThrownBy(() -> stack.tree().open("/usr/share"))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("/usr/share is not a regular file (DIRECTORY)");
        assertThatThrownBy(() -> stack.tree().open("/nope"))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("/nope is not in the image");
    }

    @Test
    void shouldAttributeEntriesToLayerThatWroteThem() {
        assertThat(stack.tree().find("/usr/lib/os-release").map(FileEntry::layerIndex)).contains(1);
        assertThat(stack.tree().findNoFollow("/etc/os-release").map(FileEntry::layerIndex)).contains(0);
    }
}
