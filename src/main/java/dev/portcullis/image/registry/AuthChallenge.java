package dev.portcullis.image.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code WWW-Authenticate} challenge: the scheme and its parameters.
 *
 * <pre>{@code
 * Bearer realm="https://auth.example/token",service="registry.example",scope="repository:app:pull"
 *   -> scheme "bearer", {realm=https://auth.example/token, service=registry.example, scope=...}
 * }</pre>
 *
 * @param scheme lowercase scheme, {@code bearer} or {@code basic} for registries
 * @param parameters parameter names in lowercase with their unquoted values
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1">RFC 9110, WWW-Authenticate</a>
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">registry token auth</a>
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {

    /** Parses the first challenge of a header value; a header without parameters yields an empty map. */
    static AuthChallenge parse(String header) {
        String text = header.strip();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = space < 0 ? text.length() : space + 1;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = text.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            i = equals + 1;
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    // A backslash escapes the next character inside a quoted string.
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++;
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            parameters.put(name, value.toString().strip());
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return new AuthChallenge(scheme, Map.copyOf(parameters));
    }

    String parameter(String name) {
        return parameters.get(name);
    }
}
