package dev.portcullis.image.tree;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileType;
import dev.portcullis.image.Skipped;
import dev.portcullis.image.fixtures.LayerStack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeBuilderTest {

    @TempDir
    Path temp;

    @Test
    void shouldSkipEntriesClimbingAboveRoot() throws Exception {
        byte[] layer = tar().file("../evil.sh", "x").file("usr/../../../evil2.sh", "x").file("ok.txt", "ok").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.globs("/**"), List.of(layer));

        assertThat(stack.skipped()).extracting(Skipped::location)
                .containsExactly("layer 0: ../evil.sh", "layer 0: usr/../../../evil2.sh");
        assertThat(stack.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("climbs above the image root"));
        assertThat(stack.tree().glob("/**")).extracting(FileEntry::path).containsExactly("/ok.txt");
        assertThat(temp.getParent().resolve("evil.sh")).doesNotExist();
    }

    @Test
    void shouldClampAbsoluteEntryIntoRoot() throws Exception {
        byte[] layer = tar().file("/etc/absolute.conf", "inside").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.globs("/etc/*"), List.of(layer));

        assertThat(stack.read("/etc/absolute.conf")).isEqualTo("inside");
        assertThat(stack.skipped()).singleElement()
                .satisfies(s -> assertThat(s.location()).isEqualTo("layer 0: /etc/absolute.conf"))
                .satisfies(s -> assertThat(s.reason()).contains("read as /etc/absolute.conf inside the image root"));
    }

    @Test
    void shouldResolveHardLinkToEarlierEntry() throws Exception {
        byte[] layer = tar().file("usr/bin/perl", "#!perl").hardLink("usr/bin/perl5.36.0", "usr/bin/perl").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.globs("/usr/bin/*"), List.of(layer));

        assertThat(stack.read("/usr/bin/perl5.36.0")).isEqualTo("#!perl");
        assertThat(stack.tree().find("/usr/bin/perl5.36.0").map(FileEntry::type)).contains(FileType.REGULAR);
        assertThat(stack.tree().find("/usr/bin/perl5.36.0").map(FileEntry::size)).contains(6L);
        assertThat(stack.skipped()).isEmpty();
    }

    @Test
    void shouldSkipHardLinkOutsideRoot() throws Exception {
        byte[] layer = tar().hardLink("etc/stolen", "../../etc/shadow").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.globs("/etc/*"), List.of(layer));

        assertThat(stack.tree().find("/etc/stolen")).isEmpty();
        assertThat(stack.skipped()).singleElement()
                .satisfies(s -> assertThat(s.location()).isEqualTo("layer 0: etc/stolen"))
                .satisfies(s -> assertThat(s.reason()).contains("../../etc/shadow").contains("outside the image root"));
    }

    @Test
    void shouldSkipHardLinkToMissingTarget() throws Exception {
        byte[] layer = tar().hardLink("etc/shadow-copy", "etc/shadow").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.globs("/etc/*"), List.of(layer));

        assertThat(stack.tree().find("/etc/shadow-copy")).isEmpty();
        assertThat(stack.skipped()).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("/etc/shadow is not a file written before it"));
    }

    @Test
    void shouldReportHardLinkToUnrequestedFile() throws Exception {
        byte[] layer = tar().file("usr/bin/gunzip", "gz").hardLink("usr/bin/uncompress", "usr/bin/gunzip").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.globs("/usr/bin/uncompress"), List.of(layer));

        assertThat(stack.tree().find("/usr/bin/uncompress")).isPresent();
        assertThat(stack.skipped()).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("request both paths"));
    }

    @Test
    void shouldReportSymlinkLoop() throws Exception {
        byte[] layer = tar().symlink("etc/a", "b").symlink("etc/b", "/etc/a").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.none(), List.of(layer));

        assertThat(stack.tree().find("/etc/a")).isEmpty();
        assertThat(stack.tree().findNoFollow("/etc/a").map(FileEntry::type)).contains(FileType.SYMLINK);
        assertThat(stack.skipped()).extracting(Skipped::location).containsExactly("/etc/a", "/etc/b");
        assertThat(stack.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("symbolic link loop"));
    }

    @Test
    void shouldClampSymlinkChainLeavingRoot() throws Exception {
        byte[] layer = tar()
                .file("etc/passwd", "root:x:0:0:image")
                .symlink("app/link", "../step")
                .symlink("step", "../../../../etc/passwd")
                .build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.globs("/etc/passwd"), List.of(layer));

        assertThat(stack.tree().find("/app/link").map(FileEntry::path)).contains("/etc/passwd");
        assertThat(stack.read("/app/link")).isEqualTo("root:x:0:0:image");
        assertThat(stack.skipped()).extracting(Skipped::location).containsExactly("/app/link", "/step");
        assertThat(stack.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("climbs above the image root"));
    }

    @Test
    void shouldReplaceDirectoryByFileOfLaterLayer() throws Exception {
        byte[] base = tar().file("opt/tool/bin/run", "run").build();
        byte[] upper = tar().file("opt/tool", "now a file").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.none(), List.of(base, upper));

        assertThat(stack.tree().find("/opt/tool").map(FileEntry::type)).contains(FileType.REGULAR);
        assertThat(stack.tree().find("/opt/tool/bin/run")).isEmpty();
        assertThat(stack.tree().find("/opt/tool").map(FileEntry::layerIndex)).contains(1);
    }

    @Test
    void shouldCreateMissingParentDirectories() throws Exception {
        byte[] layer = tar().file("usr/share/doc/readme", "doc").build();

        LayerStack stack = LayerStack.merge(temp, FileRequest.none(), List.of(layer));

        assertThat(stack.tree().find("/usr/share/doc").map(FileEntry::type)).contains(FileType.DIRECTORY);
        assertThat(stack.tree().entries()).extracting(FileEntry::path)
                .containsExactly("/", "/usr", "/usr/share", "/usr/share/doc", "/usr/share/doc/readme");
    }
}
