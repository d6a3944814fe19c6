package dev.portcullis.lint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hand-written explanation of a rule: why it matters, how to fix it, and a Dockerfile that
 * fails it next to one that passes. Reports show it as help text and {@code docs/rules/<ID>.md}
 * is generated from it.
 *
 * <p>The texts live in {@code rule-help.tsv} beside this class: one rule a line, tab separated, with
 * {@code \n} for a line break and {@code \\} for a backslash inside the examples.
 *
 * @param id our rule id, for example {@code PC-D008}
 * @param why why the rule matters
 * @param fix how to change the Dockerfile
 * @param failing a Dockerfile the rule reports
 * @param passing the same Dockerfile fixed, which the rule accepts
 */
public record RuleHelp(String id, String why, String fix, String failing, String passing) {

    /** Base address of the rule pages; a page is this plus {@code <ID>.md}. */
    // NOTE: the project's public repository address is not settled yet; change it here when it is.
    public static final String DOCS_BASE_URI = "https://github.com/portcullis-dev/portcullis/blob/main/docs/rules/";

    private static final class Holder {
        private static final Map<String, RuleHelp> ALL = load();
    }

    /** Returns the help of a rule, or empty for a rule without a written page (ShellCheck codes). */
    public static Optional<RuleHelp> of(String id) {
        return Optional.ofNullable(Holder.ALL.get(id));
    }

    /** Returns the address of the rule's page: ours for {@code PC-} rules, the ShellCheck wiki for {@code SC} codes. */
    public static String uri(String id) {
        if (id.startsWith("SC")) {
            return "https://www.shellcheck.net/wiki/" + id;
        }
        return DOCS_BASE_URI + id + ".md";
    }

    private static Map<String, RuleHelp> load() {
        Map<String, RuleHelp> help = new HashMap<>();
        try (InputStream stream = RuleHelp.class.getResourceAsStream("rule-help.tsv")) {
            if (stream == null) {
                throw new IllegalStateException("rule-help.tsv is missing from the classpath next to " + RuleHelp.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 5) {
                    throw new IllegalStateException("rule-help.tsv: expected 5 columns, found " + columns.length + " in: " + line);
                }
                help.put(columns[0], new RuleHelp(columns[0], columns[1], columns[2], unescape(columns[3]), unescape(columns[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(help);
    }

    /** Decodes {@code \n} to a line break and {@code \\} to a backslash. */
    private static String unescape(String example) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < example.length(); i++) {
            char ch = example.charAt(i);
            if (ch == '\\' && i + 1 < example.length()) {
                char next = example.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
