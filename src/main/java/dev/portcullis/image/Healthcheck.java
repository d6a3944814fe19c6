package dev.portcullis.image;

import java.util.List;

/** The image config's HEALTHCHECK; durations in nanoseconds as the config stores them, 0 when unset. */
public record Healthcheck(List<String> test, long intervalNanos, long timeoutNanos, long startPeriodNanos, int retries) {}
