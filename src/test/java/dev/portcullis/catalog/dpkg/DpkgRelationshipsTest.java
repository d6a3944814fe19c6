package dev.portcullis.catalog.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.CatalogResult;
import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpkgRelationshipsTest {

    @TempDir
    Path root;

    @Test
    void shouldLinkFirstInstalledAlternative() throws IOException {
        Path status = root.resolve("var/lib/dpkg/status");
        Files.createDirectories(status.getParent());
        Files.writeString(status, """
                Package: app
                Status: install ok installed
                Architecture: amd64
                Version: 1.0-1
                Pre-Depends: dpkg (>= 1.15.7.2)
                Depends: libc6 (>= 2.34), libssl1.1 | libssl3, debconf (>= 0.5) | debconf-2.0, not-installed

                Package: libc6
                Status: install ok installed
                Architecture: i386
                Multi-Arch: same
                Version: 2.36-9

                Package: libc6
                Status: install ok installed
                Architecture: amd64
                Multi-Arch: same
                Version: 2.36-9

                Package: libssl3
                Status: install ok installed
                Architecture: amd64
                Version: 3.0.15-1
                Depends: libc6:any (>= 2.34) [amd64]

                Package: cdebconf
                Status: install ok installed
                Architecture: amd64
                Version: 0.270
                Provides: debconf-2.0

                Package: dpkg
                Status: install ok installed
                Architecture: amd64
                Version: 1.21.22
                """);
        List<Skipped> skipped = new ArrayList<>();

        CatalogResult result = new DpkgCataloger().catalogWithDependencies(
                new CatalogContext(FolderFileResolver.rootFilesystem(root), Distro.UNKNOWN, List.of(), skipped::add));

        Map<String, String> nameById = result.packages().stream()
                .collect(Collectors.toMap(Dependency::idOf, p -> p.name() + ":" + p.architecture()));
        List<String> edges = result.dependencies().stream()
                .map(d -> nameById.get(d.fromPackageId()) + " -> " + nameById.get(d.toPackageId()))
                .toList();
        assertThat(edges).containsExactly(
                "app:amd64 -> dpkg:amd64",
                "app:amd64 -> libc6:amd64",
                "app:amd64 -> libssl3:amd64",
                "app:amd64 -> cdebconf:amd64",
                "libssl3:amd64 -> libc6:amd64");
        assertThat(result.packages()).hasSize(6);
        assertThat(skipped).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "libc6 (>= 2.34)         | libc6",
        "libc6:any               | libc6",
        "  python3:any (>= 3.11) | python3",
        "gcc [amd64 arm64]       | gcc",
        "debhelper-compat (= 13) <!nocheck> | debhelper-compat",
    })
    void shouldReadNameOfAlternative(String alternative, String expected) {
        assertThat(DpkgRelationships.name(alternative)).isEqualTo(expected);
    }
}
