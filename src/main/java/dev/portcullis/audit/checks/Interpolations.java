package dev.portcullis.audit.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of a compose value template as written, before interpolation. */
final class Interpolations {

    /** A {@code ${NAME:-default}} or {@code ${NAME-default}} expression. */
    private static final Pattern WITH_DEFAULT = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?-)([^}]*)}");
    private static final Pattern ANY_EXPRESSION = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    /**
     * A default written in a template.
     *
     * @param start index of the expression's {@code $} in the template
     * @param end index after the expression's closing brace
     */
    record Default(String variable, String operator, String value, int start, int end) {}

    private Interpolations() {}

    static List<Default> defaults(String template) {
        List<Default> result = new ArrayList<>();
        Matcher matcher = WITH_DEFAULT.matcher(template);
        while (matcher.find()) {
            if (matcher.start() > 0 && template.charAt(matcher.start() - 1) == '$') {
                continue;
            }
            result.add(new Default(matcher.group(1), matcher.group(2), matcher.group(3), matcher.start(),
                    matcher.end()));
        }
        return result;
    }

    /** Returns the template without its {@code ${...}} and {@code $NAME} expressions: the literal text. */
    static String literalText(String template) {
        String withoutEscapes = template.replace("$$", "\u0000");
        return ANY_EXPRESSION.matcher(withoutEscapes).replaceAll("").replace("\u0000", "$");
    }
}
