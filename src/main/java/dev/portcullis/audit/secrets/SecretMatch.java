package dev.portcullis.audit.secrets;

/**
 * A value recognized as a secret.
 *
 * @param kind what the secret is, for example {@code GitHub personal access token} or {@code password}
 * @param redacted the value with all but its first characters masked, safe to print
 */
public record SecretMatch(String kind, String redacted) {}
