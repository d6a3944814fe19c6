package dev.portcullis.match.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.RangeEvent;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrivyDbFixturesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "< 3.4.0                | introduced 0, fixed 3.4.0",
        ">= 5.3.0, < 5.3.18     | introduced 5.3.0, fixed 5.3.18",
        ">= 2.0.0, <= 2.9.10.3  | introduced 2.0.0, last_affected 2.9.10.3",
        ">= 0                   | introduced 0",
        "[2.9.0,2.9.10.7)       | introduced 2.9.0, fixed 2.9.10.7",
        "[1.0,1.5]              | introduced 1.0, last_affected 1.5",
    })
    void shouldTurnRangeIntoEvents(String range, String expected) {
        List<RangeEvent> events = TrivyDbFixtures.range("npm", range).events();

        List<String> described = events.stream().map(e -> e.kind().osvName() + " " + e.version()).toList();
        assertThat(String.join(", ", described)).isEqualTo(expected);
    }
}
