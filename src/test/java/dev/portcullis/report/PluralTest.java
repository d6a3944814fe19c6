package dev.portcullis.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "0, finding, 0 findings",
        "1, finding, 1 finding",
        "2, finding, 2 findings"
    })
    void shouldPickNounByCount(long count, String singular, String expected) {
        assertThat(Plural.of(count, singular)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1 entry", "3, 3 entries"})
    void shouldUseIrregularPlural(long count, String expected) {
        assertThat(Plural.of(count, "entry", "entries")).isEqualTo(expected);
    }
}
