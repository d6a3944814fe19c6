package dev.portcullis.audit.secrets;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The documented formats of access tokens and keys that are recognized anywhere in a value, whatever the
 * variable is called.
 *
 * @param kind the name printed in findings
 * @param pattern a pattern that matches the token itself, so its match is what gets redacted
 */
public record TokenPattern(String kind, Pattern pattern) {

    /** The built-in formats, each as its issuer documents the prefix and length. */
    public static final List<TokenPattern> BUILT_IN = List.of(
            of("AWS access key id", "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            of("AWS secret access key", "(?i)(?<=aws_secret_access_key[\"']?\\s{0,3}[=:]\\s{0,3}[\"']?)"
                    + "[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])"),
            of("GitHub token", "\\bgh[pousr]_[A-Za-z0-9]{36}\\b"),
            of("GitHub fine-grained token", "\\bgithub_pat_[A-Za-z0-9_]{82}\\b"),
            of("GitLab personal access token", "\\bglpat-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])"),
            of("Slack token", "\\bxox[bpars]-[A-Za-z0-9-]{10,}"),
            of("Stripe live key", "\\b[sr]k_live_[A-Za-z0-9]{24,}\\b"),
            of("Google API key", "\\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"),
            of("npm access token", "\\bnpm_[A-Za-z0-9]{36}\\b"),
            of("JSON Web Token", "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
            of("private key", "-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"),
            of("password in URL", "(?<=[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^/\\s:@]{1,100}:)[^/\\s@$]{3,}(?=@)"));

    private static TokenPattern of(String kind, String regex) {
        return new TokenPattern(kind, Pattern.compile(regex));
    }
}
