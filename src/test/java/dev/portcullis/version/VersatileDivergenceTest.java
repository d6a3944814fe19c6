package dev.portcullis.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nscuro.versatile.VersionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the peer-table rows where versatile 0.18.1 disagrees with the upstream tool, which is why
 * our scheme replaces or wraps it. When an upgrade of versatile fails one of these tests, the
 * replacement may no longer be needed.
 */
class VersatileDivergenceTest {

    @ParameterizedTest(name = "{0}: {1} vs {2}")
    @CsvSource(delimiter = ';', textBlock = """
            APK    ; alpine ; 1.3.5-r10      ; 1.3.5-r8      ; 1  ; -1
            APK    ; alpine ; 1.6.8_p12-r1   ; 1.6.8_p9-r2   ; 1  ; -1
            APK    ; alpine ; 1.07-r1        ; 1.07.5        ; -1 ; 1
            GEM    ; gem    ; 1.8.2.a        ; 1.8.2         ; -1 ; 0
            GEM    ; gem    ; 1.0.0-rc1      ; 1.0.0         ; -1 ; 1
            NPM    ; npm    ; 1.2.3-5-foo    ; 1.2.3-5-Foo   ; 1  ; -1
            PYPI   ; pypi   ; 1.2+abc        ; 1.2+123456    ; -1 ; 1
            """)
    void shouldOrderWhereVersatileDiffers(VersionScheme scheme, String versatileScheme, String a, String b,
            int expected, int versatileResult) {
        int versatile = Integer.signum(
                VersionFactory.forScheme(versatileScheme, a).compareTo(VersionFactory.forScheme(versatileScheme, b)));

        assertThat(versatile).isEqualTo(versatileResult);
        assertThat(Integer.signum(scheme.compare(a, b))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = ';', textBlock = """
            DEB    ; deb    ; 6.0-4.el6.x86_64
            RPM    ; rpm    ; 1.2.3-3-el7_5
            GOLANG ; golang ; go1.24.1
            """)
    void shouldAcceptWhatVersatileRejects(VersionScheme scheme, String versatileScheme, String version) {
        assertThatThrownBy(() -> VersionFactory.forScheme(versatileScheme, version))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(scheme.isValid(version)).isTrue();
    }
}
