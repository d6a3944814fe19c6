package dev.portcullis.catalog.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeRuntimeCatalogerTest {

    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

    static Stream<Arguments> binaries() throws IOException {
        int window = 1 << 20;
        return Stream.of(
                Arguments.of("marker near the start", binary(ELF, 100, "node.js/v20.20.2\0"), "20.20.2"),
                Arguments.of("marker across a window edge", binary(ELF, window - 10, "node.js/v20.20.21\0"), "20.20.21"),
                Arguments.of("download URL only", binary(ELF, 500, "https://nodejs.org/download/release/v18.19.1/\0"),
                        "18.19.1"),
                Arguments.of("marker wins over URL", binary(ELF, 10,
                        "nodejs.org/download/release/v1.0.0/\0node.js/v22.22.2\0"), "22.22.2"),
                Arguments.of("shell script named node", binary("#!/b".getBytes(StandardCharsets.US_ASCII), 10,
                        "node.js/v20.20.2\0"), null),
                Arguments.of("ELF without marker", binary(ELF, 2000, "v20.20.2\0"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaries")
    void shouldReadEmbeddedVersion(String name, byte[] content, String expected) throws IOException {
        Optional<String> version = NodeRuntimeCataloger.version(new ByteArrayInputStream(content), "/usr/local/bin/node");

        assertThat(version).isEqualTo(Optional.ofNullable(expected));
    }

    private static byte[] binary(byte[] magic, int padding, String marker) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(magic);
        out.write(new byte[padding]);
        out.write(marker.getBytes(StandardCharsets.ISO_8859_1));
        out.write(new byte[64]);
        return out.toByteArray();
    }
}
