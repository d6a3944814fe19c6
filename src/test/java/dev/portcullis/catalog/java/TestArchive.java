package dev.portcullis.catalog.java;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip archives for tests, with nested archives stored uncompressed as Spring Boot requires. */
final class TestArchive {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    static TestArchive create() {
        return new TestArchive();
    }

    TestArchive add(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    TestArchive add(String name, String content) {
        return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TestArchive addFile(String name, Path file) {
        try {
            return add(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestArchive pom(String groupId, String artifactId, String version) {
        return add("META-INF/maven/%s/%s/pom.properties".formatted(groupId, artifactId),
                "groupId=%s%nartifactId=%s%nversion=%s%n".formatted(groupId, artifactId, version));
    }

    TestArchive manifest(String... attributeLines) {
        return add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n" + String.join("\r\n", attributeLines) + "\r\n\r\n");
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    Path writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                writeTo(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeTo(OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                if (ArchiveWalker.isArchiveName(entry.getKey())) {
                    stored(zipEntry, entry.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stored(ZipEntry entry, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
    }
}
