package dev.portcullis.audit.secrets;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a value, or a {@code NAME=value} assignment, contains a secret.
 *
 * <p>A value containing one of the {@link TokenPattern#BUILT_IN} formats is a secret under any name. Otherwise
 * the name decides: a non-empty value of a password-like name ({@code *PASSWORD*}, {@code *PASSWD*},
 * {@code *PASS}, {@code *PWD}, {@code *SECRET*}) is a secret unless it is a reference (a file path under
 * a {@code *_FILE} name, a boolean, a small number); a token-like name ({@code *TOKEN*}, {@code *_KEY},
 * {@code *APIKEY*}, {@code *CREDENTIAL*}) needs a value of at least {@value #MIN_GENERIC_LENGTH} characters
 * and {@value #MIN_GENERIC_ENTROPY} bits of Shannon entropy per character, because names like
 * {@code CACHE_KEY=users} are common.
 *
 * <pre>{@code
 * inspectAssignment("MYSQL_PASSWORD", "petclinic")        -> password, "pet****"
 * inspectAssignment("SORT_KEY", "name")                   -> empty
 * inspectAssignment("API_TOKEN", "q8Zr2LmP0vXc7TnB4sYe")   -> token, "q8Zr****"
 * inspectAssignment("DATABASE_PASSWORD_FILE", "/run/secrets/db") -> empty
 * }</pre>
 */
public final class SecretDetector {

    static final int MIN_GENERIC_LENGTH = 12;
    static final double MIN_GENERIC_ENTROPY = 3.0;

    private static final Pattern PASSWORD_NAME =
            Pattern.compile("(?i).*(passw(or)?d|passwd|pass$|pwd$|secret|^pass_|_pass_).*");
    private static final Pattern TOKEN_NAME =
            Pattern.compile("(?i).*(token|_key$|^key$|apikey|api_key|access_key|private_key|credential).*");
    private static final Pattern REFERENCE_NAME = Pattern.compile("(?i).*(_file|_path|_dir|_name|_user(name)?)$");
    private static final Pattern NOT_A_SECRET_VALUE =
            Pattern.compile("(?i)true|false|yes|no|on|off|null|none|\\d{1,5}");

    private final SecretAllowList allowList;

    public SecretDetector(SecretAllowList allowList) {
        this.allowList = allowList;
    }

    /** Finds a built-in token format anywhere in {@code text}. */
    public Optional<SecretMatch> inspectValue(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        for (TokenPattern token : TokenPattern.BUILT_IN) {
            Matcher matcher = token.pattern().matcher(text);
            while (matcher.find()) {
                String found = matcher.group();
                if (!allowList.allows(found) && !allowList.allows(text)) {
                    return Optional.of(new SecretMatch(token.kind(), Redaction.redact(found)));
                }
            }
        }
        return Optional.empty();
    }

    /** Decides whether the assignment {@code name=value} sets a secret, by the value's format or the name. */
    public Optional<SecretMatch> inspectAssignment(String name, String value) {
        if (value == null || value.isBlank() || allowList.allows(value)) {
            return Optional.empty();
        }
        Optional<SecretMatch> token = inspectValue(value);
        if (token.isPresent()) {
            return token;
        }
        if (REFERENCE_NAME.matcher(name).matches() || NOT_A_SECRET_VALUE.matcher(value.trim()).matches()) {
            return Optional.empty();
        }
        if (PASSWORD_NAME.matcher(name).matches()) {
            return Optional.of(new SecretMatch(kindOf(name), Redaction.redact(value)));
        }
        if (TOKEN_NAME.matcher(name).matches() && looksRandom(value)) {
            return Optional.of(new SecretMatch(kindOf(name), Redaction.redact(value)));
        }
        return Optional.empty();
    }

    /** Returns true when {@code name} names a password or secret, whatever its value. */
    public static boolean isPasswordName(String name) {
        return PASSWORD_NAME.matcher(name).matches() && !REFERENCE_NAME.matcher(name).matches();
    }

    /** Returns true when {@code name} names a password, secret, token or key. */
    public static boolean isSecretName(String name) {
        return isPasswordName(name) || (TOKEN_NAME.matcher(name).matches() && !REFERENCE_NAME.matcher(name).matches());
    }

    private static boolean looksRandom(String value) {
        return value.length() >= MIN_GENERIC_LENGTH && Entropy.bitsPerCharacter(value) >= MIN_GENERIC_ENTROPY;
    }

    private static String kindOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("secret")) {
            return "secret";
        }
        if (lower.contains("pass") || lower.contains("pwd")) {
            return "password";
        }
        return lower.contains("token") ? "token" : "key";
    }
}
