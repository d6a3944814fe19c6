package dev.portcullis.catalog.golang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.java.CatalogRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs over binaries from {@link GoTestBinary}, since no Go toolchain is available to build real ones. */
class GoBinaryCatalogerTest {

    static final String MODINFO = String.join("\n",
            "path\texample.com/demo/cmd/server",
            "mod\texample.com/demo\t(devel)\t",
            "dep\tgithub.com/google/uuid\tv1.6.0\th1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=",
            "dep\tgolang.org/x/net\tv0.17.0\th1:pVaXccu2ozPjCXewfr1S7xoGwQqaVBVmRkwfDkBqEhM=",
            "=>\tgolang.org/x/net\tv0.23.0\th1:7EYJ93RZ9vYSZAIb2x3lnuvqO5zneoD6IvWjuhfxjTs=",
            "dep\texample.com/internal/lib\tv0.0.0-00010101000000-000000000000\t",
            "=>\t../lib\t\t",
            "build\t-buildmode=exe",
            "build\tGOOS=linux",
            "build\tGOARCH=amd64",
            "build\tvcs.revision=4f2a9d1c",
            "");

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(ints = {64, 1 << 20, (3 << 20) + 48})
    void shouldReadInlineBuildInfo(int headerOffset) throws IOException {
        executable("usr/local/bin/server", GoTestBinary.inline(headerOffset, "go1.22.3", MODINFO));

        CatalogRun run = CatalogRun.of(new GoBinaryCataloger(), root);

        assertThat(versions(run)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "example.com/demo", "(devel)",
                "github.com/google/uuid", "v1.6.0",
                "golang.org/x/net", "v0.23.0",
                "example.com/internal/lib", "v0.0.0-00010101000000-000000000000",
                "stdlib", "go1.22.3"));
        assertThat(run.skipped()).isEmpty();
    }

    @Test
    void shouldRecordReplacementsAndBuildSettings() throws IOException {
        executable("usr/local/bin/server", GoTestBinary.inline(64, "go1.22.3", MODINFO));

        CatalogRun run = CatalogRun.of(new GoBinaryCataloger(), root);

        Package net = find(run, "golang.org/x/net");
        assertThat(net.properties()).containsEntry("replaces", "golang.org/x/net@v0.17.0");
        assertThat(net.purl()).isEqualTo("pkg:golang/golang.org/x/net@v0.23.0");
        assertThat(find(run, "example.com/internal/lib").properties()).containsEntry("replacedBy", "../lib");
        assertThat(find(run, "example.com/demo").properties()).containsEntry("mainModule", "true");
        Package stdlib = find(run, "stdlib");
        assertThat(stdlib.purl()).isEqualTo("pkg:golang/stdlib@go1.22.3");
        assertThat(stdlib.properties()).containsEntry("GOOS", "linux").containsEntry("GOARCH", "amd64")
                .containsEntry("vcs.revision", "4f2a9d1c").containsEntry("binary", "/usr/local/bin/server")
                .containsEntry("mainPackage", "example.com/demo/cmd/server");
        assertThat(stdlib.locations()).containsExactly("/usr/local/bin/server");
        assertThat(stdlib.foundBy()).isEqualTo("go-module-binary-cataloger");
    }

    @Test
    void shouldDropToolchainExperimentSuffix() throws IOException {
        executable("app/server", GoTestBinary.inline(64, "go1.21.5 X:boringcrypto", "path\tx\nmod\texample.com/x\tv1.0.0\t\n"));

        CatalogRun run = CatalogRun.of(new GoBinaryCataloger(), root);

        assertThat(versions(run)).containsExactlyInAnyOrderEntriesOf(Map.of("example.com/x", "v1.0.0", "stdlib", "go1.21.5"));
    }

    @Test
    void shouldFollowPointersOfOldFormat() throws IOException {
        executable("usr/bin/old", GoTestBinary.pointerFormatElf("go1.16.15", MODINFO));

        CatalogRun run = CatalogRun.of(new GoBinaryCataloger(), root);

        assertThat(versions(run)).containsEntry("stdlib", "go1.16.15")
                .containsEntry("golang.org/x/net", "v0.23.0")
                .containsEntry("github.com/google/uuid", "v1.6.0")
                .hasSize(5);
        assertThat(run.skipped()).isEmpty();
    }

    @Test
    void shouldSkipOldFormatWithoutElfSegments() throws IOException {
        executable("usr/bin/old", GoTestBinary.pointerFormat());

        CatalogRun run = CatalogRun.of(new GoBinaryCataloger(), root);

        assertThat(run.packages()).isEmpty();
        assertThat(run.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("/usr/bin/old");
            assertThat(skipped.reason()).isEqualTo(
                    "Go build info in the pointer format of Go 1.17 or earlier is read only from ELF files");
        });
    }

    @Test
    void shouldSkipOldFormatPointingOutsideSegments() throws IOException {
        byte[] binary = GoTestBinary.pointerFormatElf("go1.16.15", MODINFO);
        java.nio.ByteBuffer.wrap(binary).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0x1018, 0x900000);
        executable("usr/bin/old", binary);

        CatalogRun run = CatalogRun.of(new GoBinaryCataloger(), root);

        assertThat(run.packages()).isEmpty();
        assertThat(run.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.reason())
                .isEqualTo("failed to read Go build info: Go build info points to address 0x900000, which no ELF segment maps"));
    }

    @Test
    void shouldIgnoreScriptsAndNonGoBinaries() throws IOException {
        executable("usr/bin/script", "#!/bin/sh\necho \u00ff Go buildinf:\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] cBinary = new byte[8192];
        System.arraycopy(GoTestBinary.ELF_HEAD, 0, cBinary, 0, GoTestBinary.ELF_HEAD.length);
        executable("usr/bin/cat", cBinary);
        Files.createDirectories(root.resolve("usr/share"));
        Files.write(root.resolve("usr/share/not-executable"), GoTestBinary.inline(64, "go1.22.3", MODINFO));

        CatalogRun run = CatalogRun.of(new GoBinaryCataloger(), root);

        assertThat(run.packages()).isEmpty();
        assertThat(run.skipped()).isEmpty();
    }

    @Test
    void shouldSkipTruncatedBuildInfo() throws IOException {
        byte[] whole = GoTestBinary.inline(64, "go1.22.3", MODINFO);
        executable("usr/bin/cut", java.util.Arrays.copyOf(whole, 64 + 32 + 20));

        CatalogRun run = CatalogRun.of(new GoBinaryCataloger(), root);

        assertThat(run.packages()).isEmpty();
        assertThat(run.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("/usr/bin/cut");
            assertThat(skipped.reason()).startsWith("failed to read Go build info: Go build info is truncated");
        });
    }

    private void executable(String path, byte[] content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Map<String, String> versions(CatalogRun run) {
        return run.packages().stream().collect(Collectors.toMap(Package::name, Package::version));
    }

    private static Package find(CatalogRun run, String name) {
        List<Package> found = run.packages().stream().filter(p -> p.name().equals(name)).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
