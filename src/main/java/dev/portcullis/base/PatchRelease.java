package dev.portcullis.base;

import java.time.LocalDate;

/**
 * A published version of a runtime line.
 *
 * @param version for example {@code 20.20.2}
 * @param released the release date, or null when the source gives only the version
 * @param security whether it is a security release, or null when the source does not say
 */
public record PatchRelease(String version, LocalDate released, Boolean security) {}
