package dev.portcullis.audit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpolatorTest {

    private static final SourceLocation AT = new SourceLocation("compose.yaml", 7, 3);
    private static final Map<String, String> VARIABLES = Map.of("SET", "value", "EMPTY", "", "NESTED", "inner");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "${SET}|value",
        "$SET/x|value/x",
        "$$SET|$SET",
        "$${SET}|${SET}",
        "${UNSET:-fallback}|fallback",
        "${EMPTY:-fallback}|fallback",
        "${EMPTY-fallback}|''",
        "${UNSET-fallback}|fallback",
        "${SET:+replaced}|replaced",
        "${EMPTY:+replaced}|''",
        "${EMPTY+replaced}|replaced",
        "${UNSET:-${NESTED}}|inner",
        "${UNSET:-a:b}|a:b",
        "price $5|price $5",
        "${EMPTY?error}|''"})
    void shouldInterpolateLikeCompose(String text, String expected) throws Exception {
        assertThat(interpolator(new ArrayList<>()).interpolate(text, AT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "${UNSET:?needs UNSET}|compose.yaml:7: required variable UNSET is not set: needs UNSET",
        "${EMPTY:?needs EMPTY}|compose.yaml:7: required variable EMPTY is empty: needs EMPTY",
        "${UNSET?}|compose.yaml:7: required variable UNSET is not set",
        "${SET|compose.yaml:7: invalid interpolation: '${' at '${SET' is never closed",
        "${}|compose.yaml:7: invalid interpolation '${}': no variable name"})
    void shouldRejectInvalidOrMissingRequiredVariable(String text, String message) {
        assertThatThrownBy(() -> interpolator(new ArrayList<>()).interpolate(text, AT))
                .isInstanceOf(AuditInputException.class).hasMessage(message);
    }

    @Test
    void shouldWarnAboutUnsetVariable() throws Exception {
        List<AuditWarning> warnings = new ArrayList<>();

        String value = interpolator(warnings).interpolate("${UNSET}", AT);

        assertThat(value).isEmpty();
        assertThat(warnings).containsExactly(new AuditWarning(AT, "variable UNSET is not set; it is read as an empty string"));
    }

    private static Interpolator interpolator(List<AuditWarning> warnings) {
        return new Interpolator(VARIABLES, warnings);
    }
}
