package dev.portcullis.catalog.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.image.Skipped;
import dev.portcullis.image.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogingTest {

    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");

    @TempDir
    Path root;

    /** An opened image over folders, as the image reader would hand it over. */
    private record FolderImage(ImageMetadata metadata, FileResolver files, List<Skipped> skipped)
            implements OpenedImage {
        @Override
        public void close() {}
    }

    /** A cataloger that always fails, standing in for a cataloger with a bug. */
    private static final class FailingCataloger implements Cataloger {
        @Override
        public String name() {
            return "failing-cataloger";
        }

        @Override
        public FileRequest request() {
            return FileRequest.none();
        }

        @Override
        public List<Package> catalog(CatalogContext context) {
            throw new IllegalStateException("broken on purpose");
        }
    }

    @Test
    void shouldBuildInventoryFromImage() throws IOException {
        Path layer0 = root.resolve("layer0");
        Path layer1 = root.resolve("layer1");
        write(layer0.resolve("etc/os-release"), "ID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n");
        write(layer0.resolve("lib/apk/db/installed"), "P:musl\nV:1.2.5-r0\nA:x86_64\no:musl\n\n");
        write(layer1.resolve("lib/apk/db/installed"),
                "P:musl\nV:1.2.5-r0\nA:x86_64\no:musl\n\nP:libcrypto3\nV:3.3.2-r0\nA:x86_64\no:openssl\n\nP:broken\n");
        FolderFileResolver files = FolderFileResolver.layers(List.of(layer0, layer1));
        ImageMetadata metadata = new ImageMetadata("demo:latest", SourceKind.OCI_LAYOUT, "sha256:m", "sha256:c",
                List.of("latest"), ImageConfig.empty(), files.layerList());
        Skipped readerSkip = new Skipped("layer 1: /dev/console", "device files are not extracted");
        List<Cataloger> catalogers = new ArrayList<>(CatalogerRegistry.osCatalogers());
        catalogers.add(new FailingCataloger());

        Inventory inventory = new Cataloging(catalogers, Clock.fixed(NOW, ZoneOffset.UTC))
                .run(new FolderImage(metadata, files, List.of(readerSkip)), "0.1.0-test");

        assertThat(inventory.distro()).isEqualTo(new Distro("alpine", "3.20.3", null, "Alpine Linux v3.20"));
        assertThat(inventory.packages()).extracting(Package::name).containsExactly("musl", "libcrypto3");
        assertThat(inventory.packages().get(1).purl())
                .isEqualTo("pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=x86_64&distro=alpine-3.20.3&upstream=openssl");
        assertThat(inventory.packages().get(1).layer().index()).isEqualTo(1);
        assertThat(inventory.skipped()).extracting(Skipped::location).containsExactly("layer 1: /dev/console",
                "/lib/apk/db/installed record 3 (P:broken) at line 11", "failing-cataloger");
        assertThat(inventory.skipped().get(2).reason()).contains("broken on purpose");
        assertThat(inventory.image()).isSameAs(metadata);
        assertThat(inventory.scannedAt()).isEqualTo(NOW);
        assertThat(inventory.toolVersion()).isEqualTo("0.1.0-test");
    }

    @Test
    void shouldRequestFilesOfEveryOsCataloger() {
        FileRequest request = new Cataloging(CatalogerRegistry.osCatalogers()).request();

        assertThat(request.accepts("/etc/os-release")).isTrue();
        assertThat(request.accepts("/usr/lib/os-release")).isTrue();
        assertThat(request.accepts("/var/lib/dpkg/status")).isTrue();
        assertThat(request.accepts("/var/lib/dpkg/status.d/base-files")).isTrue();
        assertThat(request.accepts("/lib/apk/db/installed")).isTrue();
        assertThat(request.accepts("/var/lib/rpm/Packages")).isTrue();
        assertThat(request.accepts("/usr/lib/sysimage/rpm/rpmdb.sqlite")).isTrue();
        assertThat(request.accepts("/etc/passwd")).isFalse();
        assertThat(request.accepts("/usr/bin/bash")).isFalse();
    }

    @Test
    void shouldListOsCatalogersByName() {
        assertThat(CatalogerRegistry.osCatalogers()).extracting(Cataloger::name)
                .containsExactly("dpkg-db-cataloger", "apk-db-cataloger", "rpm-db-cataloger");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
