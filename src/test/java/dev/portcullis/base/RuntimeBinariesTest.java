package dev.portcullis.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.base.RuntimeBinaries.Found;
import dev.portcullis.base.RuntimeBinaries.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeBinariesTest {

    @ParameterizedTest(name = "{0} {1} at {2}")
    @CsvSource(nullValues = "null", value = {
        "NODE_BINARY, 20.18.0,   /usr/local/bin/node,  NODE,   20.18.0, binary /usr/local/bin/node",
        "NODE_BINARY, 22.1.0,    null,                 NODE,   22.1.0,  binary node",
        "GO_STDLIB,   go1.23.4,  /usr/local/go/bin/go, GOLANG, 1.23.4,  binary /usr/local/go/bin/go"
    })
    void shouldReadRuntimeVersion(Kind kind, String version, String path, ImageFamily family, String expectedVersion,
            String expectedSource) {
        List<RuntimeVersion> runtimes = RuntimeBinaries.of(List.of(new Found(kind, version, path)));

        assertThat(runtimes).containsExactly(new RuntimeVersion(family, expectedVersion, expectedSource));
    }

    @ParameterizedTest(name = "{1} at {2}")
    @CsvSource({
        "GO_STDLIB, go1.23.4, /app/server",
        "GO_STDLIB, devel,    /usr/local/go/bin/go"
    })
    void shouldSkipOtherGoBinaries(Kind kind, String version, String path) {
        assertThat(RuntimeBinaries.of(List.of(new Found(kind, version, path)))).isEmpty();
    }
}
