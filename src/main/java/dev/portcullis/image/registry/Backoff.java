package dev.portcullis.image.registry;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Waits between attempts: the registry's {@code Retry-After} when it sends one, else an exponential
 * backoff from the initial wait, both capped at the maximum.
 */
record Backoff(Duration initial, Duration max) {

    static Backoff of(RegistryOptions options) {
        return new Backoff(options.initialBackoff(), options.maxBackoff());
    }

    /**
     * Returns the wait after a failed attempt.
     *
     * @param failedAttempt 1 for the first attempt
     * @param retryAfter the header value, seconds or an HTTP date
     */
    Duration delay(int failedAttempt, Optional<String> retryAfter) {
        Duration wait = retryAfter.flatMap(Backoff::parseRetryAfter)
                .orElseGet(() -> initial.multipliedBy(1L << Math.min(failedAttempt - 1, 20)));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    void sleep(Duration wait) throws InterruptedException {
        Thread.sleep(wait);
    }

    /** See <a href="https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3">RFC 9110, Retry-After</a>. */
    static Optional<Duration> parseRetryAfter(String value) {
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException e) {
            // Not seconds: try an HTTP date below.
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
