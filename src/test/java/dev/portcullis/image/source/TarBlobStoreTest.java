package dev.portcullis.image.source;

import static dev.portcullis.image.fixtures.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarBlobStoreTest {

    @TempDir
    Path work;

    @Test
    void shouldReadEntriesOpenAtOnce() throws Exception {
        byte[] first = filled(300_000, (byte) 'a');
        byte[] second = filled(200_000, (byte) 'b');
        Path archive = tar().file("one.tar", first).file("two.tar", second).writeTo(work.resolve("image.tar"));

        try (TarBlobStore store = TarBlobStore.open(archive);
                InputStream one = store.open("one.tar");
                InputStream two = store.open("two.tar")) {
            ByteArrayOutputStream readOne = new ByteArrayOutputStream();
            ByteArrayOutputStream readTwo = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            boolean more = true;
            while (more) {
                int fromOne = one.read(buffer);
                if (fromOne > 0) {
                    readOne.write(buffer, 0, fromOne);
                }
                int fromTwo = two.read(buffer);
                if (fromTwo > 0) {
                    readTwo.write(buffer, 0, fromTwo);
                }
                more = fromOne >= 0 || fromTwo >= 0;
            }

            assertThat(readOne.toByteArray()).isEqualTo(first);
            assertThat(readTwo.toByteArray()).isEqualTo(second);
        }
    }

    @Test
    void shouldReadEntriesOnSeveralThreads() throws Exception {
        List<byte[]> blobs = List.of(filled(500_000, (byte) 1), filled(400_000, (byte) 2), filled(300_000, (byte) 3));
        Path archive = tar().file("0", blobs.get(0)).file("1", blobs.get(1)).file("2", blobs.get(2))
                .writeTo(work.resolve("threads.tar"));

        try (TarBlobStore store = TarBlobStore.open(archive);
                ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<byte[]>> reads = List.of("0", "1", "2").stream()
                    .map(name -> pool.submit(() -> {
                        try (InputStream in = store.open(name)) {
                            return in.readAllBytes();
                        }
                    }))
                    .toList();

            for (int index = 0; index < blobs.size(); index++) {
                assertThat(reads.get(index).get()).as("entry " + index).isEqualTo(blobs.get(index));
            }
        }
    }

    private static byte[] filled(int size, byte first) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, first);
        for (int i = 0; i < size; i += 997) {
            bytes[i] = (byte) (i / 997);
        }
        return bytes;
    }
}
