package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PnpmKeysTest {

    @ParameterizedTest(name = "v{0} {1}")
    @CsvSource({
        "5, /ms/2.1.2, ms, 2.1.2",
        "5, /@babel/core/7.21.4_supports-color@8.1.1, @babel/core, 7.21.4",
        "6, /@babel/core@7.21.4(supports-color@8.1.1), @babel/core, 7.21.4",
        "6, /ms@2.1.2, ms, 2.1.2",
        "9, @babel/core@7.21.4(supports-color@8.1.1)(x@1.0.0), @babel/core, 7.21.4",
        "9, debug@https://github.com/debug-js/debug/tarball/4.3.5, debug, https://github.com/debug-js/debug/tarball/4.3.5",
    })
    void shouldReadNameAndVersion(int major, String key, String name, String version) {
        assertThat(new PnpmKeys(major).nameAndVersion(key)).containsExactly(name, version);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "5.4, 5",
        "'6.0', 6",
        "'9.0', 9",
        "unknown, 9",
    })
    void shouldReadMajorVersion(String lockfileVersion, int major) {
        assertThat(PnpmKeys.of(lockfileVersion).major()).isEqualTo(major);
    }

    @Test
    void shouldResolveReferences() {
        Set<String> v9 = Set.of("ms@2.1.2", "string-width@4.2.3");

        assertThat(new PnpmKeys(9).resolve("ms", "2.1.2", v9)).isEqualTo("ms@2.1.2");
        assertThat(new PnpmKeys(9).resolve("string-width-cjs", "string-width@4.2.3", v9)).isEqualTo("string-width@4.2.3");
        assertThat(new PnpmKeys(9).resolve("local", "link:../local", v9)).isNull();
        assertThat(new PnpmKeys(5).resolve("ms", "2.1.2", Set.of("/ms/2.1.2"))).isEqualTo("/ms/2.1.2");
        assertThat(new PnpmKeys(6).resolve("ms", "2.1.2", Set.of("/ms@2.1.2"))).isEqualTo("/ms@2.1.2");
    }
}
