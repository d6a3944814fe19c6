package dev.portcullis.lint.dockerfile;

import java.util.List;
import java.util.Locale;

/**
 * One instruction as BuildKit's parser produces it, before any meaning is given to its arguments.
 *
 * <p>Example: {@code COPY --chown=app [ "a b", "/dst" ]} becomes keyword {@code COPY}, flags
 * {@code [--chown=app]}, values {@code [a b, /dst]} and {@code json = true}. ENV and LABEL store
 * their pairs as name, value, separator triples ({@code ""} for the old {@code ENV name value} form).
 *
 * @param keyword the instruction word as written
 * @param flags leading {@code --name=value} words with quotes removed
 * @param values the arguments after the flags
 * @param json true when the arguments were a JSON string array
 * @param child the instruction inside ONBUILD, or null
 * @param heredocs here-documents of RUN, COPY and ADD
 * @param original the logical line with continuations joined
 * @param range where the instruction sits in the file
 * @param comments comment lines directly above the instruction, without the {@code #}
 */
public record Node(String keyword, List<String> flags, List<String> values, boolean json, Node child,
        List<Heredoc> heredocs, String original, SourceRange range, List<String> comments) {

    public Node {
        flags = List.copyOf(flags);
        values = List.copyOf(values);
        heredocs = List.copyOf(heredocs);
        comments = List.copyOf(comments);
    }

    /** Returns the keyword in upper case, as rules compare it. */
    public String instruction() {
        return keyword.toUpperCase(Locale.ROOT);
    }

    Node withHeredocs(List<Heredoc> documents, SourceRange newRange) {
        return new Node(keyword, flags, values, json, child, documents, original, newRange, comments);
    }

    /**
     * Renders the node in BuildKit's test dump format, for example {@code (copy ["--from=a"] "x" "/")}.
     */
    public String dump() {
        StringBuilder out = new StringBuilder(keyword.toLowerCase(Locale.ROOT));
        if (!flags.isEmpty()) {
            out.append(" [");
            for (int i = 0; i < flags.size(); i++) {
                out.append(i == 0 ? "" : " ").append(GoQuote.quote(flags.get(i)));
            }
            out.append(']');
        }
        if (child != null) {
            out.append(" (").append(child.dump()).append(')');
        }
        for (String value : values) {
            out.append(' ').append(GoQuote.quote(value));
        }
        return out.toString().strip();
    }
}
