package dev.portcullis.report.overview;

/**
 * One verified statement of the overview, such as "runs as a non-root user".
 *
 * @param name what was checked
 * @param status the outcome
 * @param evidence the fact the outcome rests on, with where it was read
 * @param fix what to change when the check failed, or null
 */
public record Check(String name, CheckStatus status, String evidence, String fix) {}
