package dev.portcullis.audit.compose;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * Replaces variables in compose values as the Compose Specification defines: {@code $$} is a literal
 * {@code $}; {@code $VAR} and {@code ${VAR}} take the value; {@code ${VAR:-default}} (unset or empty) and
 * {@code ${VAR-default}} (unset) fall back; {@code ${VAR:?message}} and {@code ${VAR?message}} reject the
 * file; {@code ${VAR:+replacement}} and {@code ${VAR+replacement}} replace a set value. Defaults and
 * replacements may hold further expressions. An unset variable without a default becomes an empty string
 * with a warning, as docker compose does.
 *
 * <pre>{@code
 * with DB=app:  "postgres://${DB}:${PORT:-5432}/$$x" -> "postgres://app:5432/$x"
 * }</pre>
 *
 * @see <a href="https://github.com/compose-spec/compose-spec/blob/main/12-interpolation.md">Compose
 *     interpolation</a>
 */
public final class Interpolator {

    private final Map<String, String> variables;
    private final List<AuditWarning> warnings;

    /**
     * @param variables the values to use, the caller's environment over the {@code .env} file
     * @param warnings receives a warning for each unset variable that has no default
     */
    public Interpolator(Map<String, String> variables, List<AuditWarning> warnings) {
        this.variables = variables;
        this.warnings = warnings;
    }

    /**
     * Interpolates {@code text}.
     *
     * @throws AuditInputException for a {@code ?} expression whose variable is missing, or an unclosed brace
     */
    public String interpolate(String text, SourceLocation location) throws AuditInputException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = matchingBrace(text, i + 2, location);
                out.append(expression(text.substring(i + 2, close), location));
                i = close + 1;
            } else if (Character.isLetter(next) || next == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                out.append(lookup(text.substring(i + 1, end), location));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String expression(String body, SourceLocation location) throws AuditInputException {
        int end = 0;
        while (end < body.length() && (Character.isLetterOrDigit(body.charAt(end)) || body.charAt(end) == '_')) {
            end++;
        }
        String name = body.substring(0, end);
        if (name.isEmpty()) {
            throw new AuditInputException(location, "invalid interpolation '${" + body + "}': no variable name");
        }

        String operator = body.substring(end);
        String value = variables.get(name);
        boolean set = value != null;
        boolean nonEmpty = set && !value.isEmpty();
        if (operator.isEmpty()) {
            return lookup(name, location);
        }

        if (operator.startsWith(":-")) {
            return nonEmpty ? value : interpolate(operator.substring(2), location);
        }
        if (operator.startsWith("-")) {
            return set ? value : interpolate(operator.substring(1), location);
        }

        if (operator.startsWith(":?") || operator.startsWith("?")) {
            boolean strict = operator.startsWith(":?");
            if (strict ? !nonEmpty : !set) {
                String message = interpolate(operator.substring(strict ? 2 : 1), location);
                throw new AuditInputException(location, "required variable " + name + " is "
                        + (set ? "empty" : "not set") + (message.isEmpty() ? "" : ": " + message));
            }
            return value;
        }

        if (operator.startsWith(":+")) {
            return nonEmpty ? interpolate(operator.substring(2), location) : "";
        }
        if (operator.startsWith("+")) {
            return set ? interpolate(operator.substring(1), location) : "";
        }
        throw new AuditInputException(location, "invalid interpolation '${" + body + "}': unknown operator");
    }

    private String lookup(String name, SourceLocation location) {
        String value = variables.get(name);
        if (value == null) {
            warnings.add(new AuditWarning(location, "variable " + name + " is not set; it is read as an empty string"));
            return "";
        }
        return value;
    }

    private static int matchingBrace(String text, int start, SourceLocation location) throws AuditInputException {
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new AuditInputException(location, "invalid interpolation: '${' at '" + text + "' is never closed");
    }
}
