package dev.portcullis.catalog.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;

class ArchiveBufferTest {

    private static final ArchiveLimits SMALL = new ArchiveLimits(16, 8L << 20, 100, 1L << 20, 1L << 20, 1L << 30);

    @Test
    void shouldStopCopyPastSizeLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };

        assertThatThrownBy(() -> new ArchiveBuffer(SMALL).open(endless, 8L << 20, "/x.jar!/big.jar"))
                .isInstanceOf(ArchiveTooLargeException.class)
                .hasMessageContaining("/x.jar!/big.jar inflates past 8388608 bytes");
    }

    @Test
    void shouldStopInflatingPastRatioLimit() throws IOException {
        // The ratio is checked while inflating too, because a central directory can understate sizes.
        ArchiveBuffer buffer = new ArchiveBuffer(SMALL);
        try (ZipFile outer = buffer.open(new ByteArrayInputStream(zipOfZeros(4 << 20)), Long.MAX_VALUE, "/x.jar")) {
            ZipArchiveEntry entry = outer.getEntry("zeros.jar");

            assertThatThrownBy(() -> buffer.open(outer.getInputStream(entry), Long.MAX_VALUE, "/x.jar!/zeros.jar"))
                    .isInstanceOf(ArchiveTooLargeException.class)
                    .hasMessageContaining("more than 100 times its compressed size");
        }
    }

    @Test
    void shouldSpillLargeArchiveToTemporaryFile() throws IOException {
        byte[] zip = zipOfZeros(3 << 20);
        ArchiveBuffer buffer = new ArchiveBuffer(new ArchiveLimits(16, 8L << 20, 100, 1L << 20, 1024, 1L << 30));

        long before = spillFiles();

        try (ZipFile opened = buffer.open(new ByteArrayInputStream(zip), Long.MAX_VALUE, "/x.jar")) {
            assertThat(opened.getEntry("zeros.jar").getSize()).isEqualTo(3 << 20);
        }
        // The JDK on Linux unlinks a DELETE_ON_CLOSE file right after opening it, so only the end state is checked.

        assertThat(spillFiles()).isEqualTo(before);
    }

    private static long spillFiles() throws IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("portcullis-archive-")).count();
        }
    }

    private static byte[] zipOfZeros(int size) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.jar"));
            zip.write(new byte[size]);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
