package dev.portcullis.image;

/**
 * A part of usable input that was left out, with the reason. Reports list these so that a partial
 * result is never mistaken for a complete one.
 *
 * @param location what was skipped: a layer entry, a file path, a record id
 * @param reason why, in words a user can act on
 */
public record Skipped(String location, String reason) {}
