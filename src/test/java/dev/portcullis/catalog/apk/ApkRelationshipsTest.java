package dev.portcullis.catalog.apk;

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

class ApkRelationshipsTest {

    @TempDir
    Path root;

    @Test
    void shouldLinkDependenciesByNameAndProvides() throws IOException {
        Path installed = root.resolve("lib/apk/db/installed");
        Files.createDirectories(installed.getParent());
        Files.writeString(installed, """
                P:musl
                V:1.2.5-r0
                A:x86_64
                p:so:libc.musl-x86_64.so.1=1

                P:libcrypto3
                V:3.3.2-r0
                A:x86_64
                D:so:libc.musl-x86_64.so.1
                p:so:libcrypto.so.3=3

                P:libssl3
                V:3.3.2-r0
                A:x86_64
                D:so:libc.musl-x86_64.so.1 so:libcrypto.so.3

                P:apk-tools
                V:2.14.4-r1
                A:x86_64
                D:musl>=1.2.3_git20230424 so:libcrypto.so.3 so:libssl.so.3 !apk-tools-static

                """);
        List<Skipped> skipped = new ArrayList<>();

        CatalogResult result = new ApkCataloger().catalogWithDependencies(
                new CatalogContext(FolderFileResolver.rootFilesystem(root), Distro.UNKNOWN, List.of(), skipped::add));

        Map<String, String> nameById = result.packages().stream()
                .collect(Collectors.toMap(Dependency::idOf, Package::name));
        List<String> edges = result.dependencies().stream()
                .map(d -> nameById.get(d.fromPackageId()) + " -> " + nameById.get(d.toPackageId()))
                .toList();
        // apk-tools needs so:libssl.so.3, which no installed package provides, so that token gives no edge.
        assertThat(edges).containsExactly(
                "libcrypto3 -> musl",
                "libssl3 -> musl",
                "libssl3 -> libcrypto3",
                "apk-tools -> musl",
                "apk-tools -> libcrypto3");
        assertThat(skipped).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "musl>=1.2.3_git20230424, musl",
        "so:libc.musl-x86_64.so.1, so:libc.musl-x86_64.so.1",
        "so:libcrypto.so.3=3,     so:libcrypto.so.3",
        "busybox~1.36,            busybox",
        "cmd:sh,                  cmd:sh",
    })
    void shouldReadNameOfToken(String token, String expected) {
        assertThat(ApkRelationships.name(token)).isEqualTo(expected);
    }
}
