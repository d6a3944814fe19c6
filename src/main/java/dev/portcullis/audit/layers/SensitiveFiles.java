package dev.portcullis.audit.layers;

import dev.portcullis.audit.secrets.Redaction;
import dev.portcullis.audit.secrets.SecretDetector;
import dev.portcullis.audit.secrets.SecretMatch;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes files that hold credentials, by path and, where the path alone is not enough, by content:
 * SSH and TLS private keys, AWS credentials files, {@code .npmrc} with an auth token, {@code .env} files,
 * {@code .git-credentials}, {@code .netrc}, and Docker {@code config.json} with registry auth.
 */
final class SensitiveFiles {

    /** Bytes read from a candidate file; credentials sit at the start of the files named here. */
    static final int MAX_CONTENT_BYTES = 64 * 1024;

    private static final Pattern SSH_KEY_NAME = Pattern.compile("id_(rsa|dsa|ecdsa|ed25519)(_sk)?");
    private static final Pattern KEY_EXTENSION = Pattern.compile(".*\\.(pem|key|p8|p12|pfx|jks|keystore)");
    private static final Pattern ENV_NAME = Pattern.compile("\\.env(\\..+)?");
    private static final Pattern ENV_TEMPLATE = Pattern.compile("\\.env\\.(example|sample|template|dist|defaults)");
    private static final Pattern NPM_AUTH = Pattern.compile("(?m)(_authToken|_auth|_password)\\s*=\\s*(\\S+)");

    /** The kind of sensitive file, with a redacted sample of the secret when one was read. */
    record Verdict(String kind, String redactedValue) {}

    private final SecretDetector secrets;

    SensitiveFiles(SecretDetector secrets) {
        this.secrets = secrets;
    }

    /** Returns true when {@code path} is worth reading to decide. */
    static boolean isCandidate(String path) {
        String name = baseName(path);
        return SSH_KEY_NAME.matcher(name).matches() || KEY_EXTENSION.matcher(name).matches()
                || ENV_NAME.matcher(name).matches() || name.equals(".npmrc") || name.equals(".git-credentials")
                || name.equals(".netrc") || path.endsWith("/.aws/credentials") || path.endsWith("/.docker/config.json");
    }

    /** Decides on a candidate file; {@code content} may be null when the bytes could not be read. */
    Optional<Verdict> inspect(String path, byte[] content) {
        String name = baseName(path);
        String text = content == null ? "" : new String(content, StandardCharsets.UTF_8);
        Optional<SecretMatch> token = secrets.inspectValue(text);
        String sample = token.map(SecretMatch::redacted).orElse(null);

        if (text.contains("PRIVATE KEY-----") || (SSH_KEY_NAME.matcher(name).matches() && content == null)) {
            return Optional.of(new Verdict("private key", sample));
        }
        if (KEY_EXTENSION.matcher(name).matches() && name.matches(".*\\.(p12|pfx|jks|keystore)")) {
            return Optional.of(new Verdict("key store", null));
        }

        if (path.endsWith("/.aws/credentials")) {
            return Optional.of(new Verdict("AWS credentials file", sample));
        }

        if (name.equals(".npmrc")) {
            Matcher auth = NPM_AUTH.matcher(text);
            while (auth.find()) {
                if (!auth.group(2).startsWith("${")) {
                    return Optional.of(new Verdict(".npmrc with a registry token",
                            sample != null ? sample : Redaction.redact(auth.group(2))));
                }
            }
            return Optional.empty();
        }

        if (ENV_NAME.matcher(name).matches() && !ENV_TEMPLATE.matcher(name).matches()) {
            return Optional.of(new Verdict(".env file", sample));
        }
        if (name.equals(".git-credentials") || name.equals(".netrc")) {
            return text.isBlank() && content != null ? Optional.empty() : Optional.of(new Verdict(name + " file", sample));
        }
        if (path.endsWith("/.docker/config.json") && text.contains("\"auth\"")) {
            return Optional.of(new Verdict("Docker registry credentials", sample));
        }

        return token.map(t -> new Verdict(t.kind().toLowerCase(Locale.ROOT), t.redacted()));
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
