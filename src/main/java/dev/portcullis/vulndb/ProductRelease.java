package dev.portcullis.vulndb;

import java.time.LocalDate;

/**
 * One published version of a product, from a versions index such as nodejs.org's {@code index.json}.
 *
 * @param product the product key, for example {@code nodejs}
 * @param version the version without a leading {@code v}, for example {@code 20.20.2}
 * @param released the release date
 * @param lts the LTS codename in lower case when the version was released as LTS, or null
 * @param security whether the publisher marks the version as a security release
 * @param source the source name
 */
public record ProductRelease(String product, String version, LocalDate released, String lts, boolean security, String source) {}
