package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpmPurlTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "express, 4.17.1, pkg:npm/express@4.17.1",
        "@nestjs/core, 11.1.6, pkg:npm/%40nestjs/core@11.1.6",
        "c0n-fab_u.laTION, 7.7.7, pkg:npm/c0n-fab_u.laTION@7.7.7",
        "function1, '', pkg:npm/function1",
    })
    void shouldBuildPurl(String name, String version, String purl) {
        assertThat(NpmPurl.of(name, version)).isEqualTo(purl);
    }
}
