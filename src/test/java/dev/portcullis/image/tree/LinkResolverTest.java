package dev.portcullis.image.tree;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.fixtures.LayerStack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkResolverTest {

    @TempDir
    static Path temp;

    private static MergedTree tree;

    @BeforeAll
    static void mergeLayers() throws Exception {
        byte[] layer = tar()
                .file("usr/lib/os-release", "ID=debian")
                .file("usr/bin/env", "elf")
                .symlink("etc/os-release", "../usr/lib/os-release")
                .symlink("bin", "usr/bin")
                .symlink("lib64", "/usr/lib")
                .symlink("usr/lib/self", ".")
                .symlink("up", "../../..")
                .symlink("dangling", "nowhere")
                .build();
        tree = LayerStack.merge(temp, FileRequest.none(), List.of(layer)).tree();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/etc/os-release, /usr/lib/os-release",
        "/bin/env, /usr/bin/env",
        "bin/env, /usr/bin/env",
        "/lib64/os-release, /usr/lib/os-release",
        "/usr/lib/self/self/os-release, /usr/lib/os-release",
        "/up/usr/bin/env, /usr/bin/env",
        "/../../usr/bin/env, /usr/bin/env",
        "/bin/../lib/os-release, /usr/lib/os-release",
        "/up, /",
    })
    void shouldResolveInsideRoot(String path, String expected) {
        assertThat(tree.find(path).map(FileEntry::path)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/dangling", "/etc/os-release/x", "/usr/bin/env/x", "/missing"})
    void shouldNotFindUnresolvablePath(String path) {
        assertThat(tree.find(path)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/etc/os-release", "/dangling"})
    void shouldFindLinkItselfWithoutFollowing(String path) {
        assertThat(tree.findNoFollow(path).map(FileEntry::linkTarget)).isPresent();
    }
}
