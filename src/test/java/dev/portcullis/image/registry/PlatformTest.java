package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.image.ImageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            linux/amd64,     linux,   amd64, -
            linux/arm64/v8,  linux,   arm64, v8
            windows/amd64,   windows, amd64, -
            -,               linux,   amd64, -
            """)
    void shouldParsePlatform(String text, String os, String architecture, String variant) throws ImageException {
        Platform platform = Platform.parse(text);

        assertThat(platform.os()).isEqualTo(os);
        assertThat(platform.architecture()).isEqualTo(architecture);
        assertThat(platform.variant()).isEqualTo(variant);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"linux", "linux/", "/amd64", "linux/arm/v7/extra"})
    void shouldRejectInvalidPlatform(String text) {
        assertThatThrownBy(() -> Platform.parse(text))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("Invalid platform '" + text + "'");
    }

    @ParameterizedTest(name = "{0} against {1}/{2}/{3}")
    @CsvSource(nullValues = "-", textBlock = """
            linux/arm64,    linux,   arm64, v8, true
            linux/arm64/v8, linux,   arm64, -,  true
            linux/arm/v7,   linux,   arm,   v6, false
            linux/amd64,    linux,   arm64, -,  false
            linux/amd64,    windows, amd64, -,  false
            """)
    void shouldMatchIndexPlatform(String wanted, String os, String architecture, String variant, boolean expected)
            throws ImageException {
        assertThat(Platform.parse(wanted).matches(os, architecture, variant)).isEqualTo(expected);
    }
}
