package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @ParameterizedTest(name = "attempt {0} waits {1} ms")
    @CsvSource({"1, 500", "2, 1000", "3, 2000", "6, 16000", "7, 30000", "40, 30000"})
    void shouldDoubleWaitUpToMaximum(int failedAttempt, long expectedMillis) {
        assertThat(backoff.delay(failedAttempt, Optional.empty())).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "Retry-After {0}")
    @CsvSource({"'7', 7000", "' 0 ', 0", "'-5', 0", "'3600', 30000", "'soon', 500"})
    void shouldHonourRetryAfterSeconds(String header, long expectedMillis) {
        assertThat(backoff.delay(1, Optional.of(header))).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void shouldHonourRetryAfterDate() {
        String inTwentySeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));

        Duration wait = backoff.delay(1, Optional.of(inTwentySeconds));

        assertThat(wait).isBetween(Duration.ofSeconds(18), Duration.ofSeconds(20));
    }
}
