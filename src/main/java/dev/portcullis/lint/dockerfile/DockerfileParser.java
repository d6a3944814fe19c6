package dev.portcullis.lint.dockerfile;

import dev.portcullis.lint.shell.ShellLexer;
import dev.portcullis.lint.shell.ShellSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Dockerfile text into {@link Node}s following BuildKit's parser: parser directives, line
 * continuations (with comment and blank lines inside them), JSON and shell forms, ONBUILD and
 * here-documents.
 *
 * <p>Example: {@code RUN echo a \}, {@code # note}, {@code   b} gives one node
 * {@code (run "echo a   b")} spanning lines 1 to 3.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/">Dockerfile reference</a>
 */
public final class DockerfileParser {

    private static final Pattern DIRECTIVE = Pattern.compile("^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=(.*)$");
    private static final Set<String> KNOWN_DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");

    /** The parse result: directives and the instruction nodes in file order. */
    public record Result(Directives directives, List<Node> nodes) {
    }

    /**
     * Parses a whole file.
     *
     * @param file the name used in error messages
     * @param text the file content
     * @throws ParseException when BuildKit would reject the text
     */
    public Result parse(String file, String text) throws ParseException {
        return new Run(file, text).parse();
    }

    /** State of one parse: the lines, the read position and the directives seen so far. */
    private static final class Run {
        private final String file;
        private final List<String> lines;
        private final Map<String, String> directives = new HashMap<>();
        private boolean directivesDone;
        private char escape = '\\';
        private int next;

        Run(String file, String text) {
            this.file = file;
            String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
            List<String> split = new ArrayList<>(List.of(body.split("\n", -1)));
            if (!split.isEmpty() && split.getLast().isEmpty()) {
                split.removeLast();
            }
            this.lines = split.stream().map(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toList();
        }

        Result parse() throws ParseException {
            List<Node> nodes = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            while (next < lines.size()) {
                int startLine = next + 1;
                String raw = lines.get(next++);
                String stripped = raw.stripLeading();
                readDirective(stripped, startLine);
                if (stripped.startsWith("#")) {
                    String comment = stripped.substring(1).strip();
                    if (comment.isEmpty()) {
                        comments.clear();
                    } else {
                        comments.add(comment);
                    }
                    continue;
                }
                Continuation first = trimContinuation(stripped);
                if (first.complete() && first.text().isEmpty()) {
                    continue;
                }
                String line = joinContinuation(first);
                Node node = nodeFromLine(line, startLine, raw.length() - stripped.length() + 1, comments, false);
                node = readHeredocs(node, line, startLine);
                nodes.add(node);
                comments = new ArrayList<>();
            }
            if (nodes.isEmpty()) {
                throw new ParseException(file, Math.max(1, lines.size()), 1,
                        "the file contains no instructions; a Dockerfile needs at least a FROM instruction");
            }
            return new Result(new Directives(escape, directives), nodes);
        }

        private String joinContinuation(Continuation first) throws ParseException {
            StringBuilder line = new StringBuilder(first.text());
            boolean complete = first.complete();
            while (!complete && next < lines.size()) {
                String raw = lines.get(next++);
                readDirective(raw.stripLeading(), next);
                if (raw.stripLeading().startsWith("#") || raw.isBlank()) {
                    // Comment and empty lines inside a continuation are skipped, as BuildKit does.
                    continue;
                }
                Continuation part = trimContinuation(raw);
                line.append(part.text());
                complete = part.complete();
            }
            return line.toString();
        }

        private Node nodeFromLine(String line, int startLine, int column, List<String> comments, boolean nested)
                throws ParseException {
            ArgumentParser arguments = new ArgumentParser(escape);
            ArgumentParser.Split split = arguments.split(line);
            SourceRange range = new SourceRange(startLine, column, next, lastColumn(next));
            Node child = null;
            ArgumentParser.Arguments parsed;
            try {
                if (split.keyword().equalsIgnoreCase("ONBUILD")) {
                    parsed = ArgumentParser.Arguments.NONE;
                    // One level of nesting is enough to report ONBUILD ONBUILD and bounds the recursion.
                    if (!split.rest().isEmpty() && !nested) {
                        child = nodeFromLine(split.rest(), startLine, column, List.of(), true);
                    }
                } else {
                    parsed = arguments.parse(split.keyword(), split.rest());
                }
            } catch (ArgumentParser.InvalidArguments e) {
                throw new ParseException(file, startLine, column, split.keyword().toUpperCase(Locale.ROOT) + ": " + e.getMessage());
            }
            return new Node(split.keyword(), split.flags(), parsed.values(), parsed.json(), child, List.of(), line, range,
                    comments);
        }

        private Node readHeredocs(Node node, String line, int startLine) throws ParseException {
            Node target = node.child() != null ? node.child() : node;
            if (!HEREDOC_INSTRUCTIONS.contains(target.instruction()) || target.json() || !line.contains("<<")) {
                return node;
            }
            List<Heredoc> documents = new ArrayList<>();
            for (Heredoc heredoc : heredocsIn(line, startLine)) {
                StringBuilder body = new StringBuilder();
                boolean terminated = false;
                while (next < lines.size()) {
                    String raw = lines.get(next++);
                    String candidate = heredoc.chomp() ? raw.replaceFirst("^\t+", "") : raw;
                    if (candidate.equals(heredoc.name())) {
                        terminated = true;
                        break;
                    }
                    body.append(raw).append('\n');
                }
                if (!terminated) {
                    throw new ParseException(file, startLine, 1, "unterminated heredoc: add a line containing only "
                            + heredoc.name() + " after the here-document body");
                }
                documents.add(heredoc.withContent(body.toString()));
            }
            if (documents.isEmpty()) {
                return node;
            }
            SourceRange range = new SourceRange(startLine, node.range().startColumn(), next, lastColumn(next));
            if (node.child() != null) {
                return new Node(node.keyword(), node.flags(), node.values(), node.json(),
                        node.child().withHeredocs(documents, range), List.of(), node.original(), range, node.comments());
            }
            return node.withHeredocs(documents, range);
        }

        private List<Heredoc> heredocsIn(String line, int startLine) throws ParseException {
            List<String> words;
            try {
                words = new ShellLexer('\\', true, true, true).processWords(line, name -> Optional.empty());
            } catch (ShellSyntaxException e) {
                // An unbalanced quote means no word can be a here-document marker.
                return List.of();
            }
            List<Heredoc> found = new ArrayList<>();
            for (String word : words) {
                Matcher match = HEREDOC.matcher(word);
                if (!match.matches() || match.group(3).isEmpty()) {
                    continue;
                }
                try {
                    List<String> plain = new ShellLexer('\\', false, false, true).processWords(match.group(3), name -> Optional.empty());
                    List<String> quoted = new ShellLexer('\\', true, false, true).processWords(match.group(3), name -> Optional.empty());
                    if (plain.size() != 1 || quoted.size() != 1) {
                        continue;
                    }
                    boolean expand = quoteCount(plain.getFirst()) == quoteCount(quoted.getFirst());
                    int descriptor = match.group(1).isEmpty() ? 0 : Integer.parseInt(match.group(1));
                    found.add(new Heredoc(plain.getFirst(), "", expand, !match.group(2).isEmpty(), descriptor));
                } catch (ShellSyntaxException | NumberFormatException e) {
                    throw new ParseException(file, startLine, 1, "invalid here-document marker " + word + ": " + e.getMessage());
                }
            }
            return found;
        }

        private static long quoteCount(String word) {
            return word.chars().filter(ch -> ch == '\'' || ch == '"').count();
        }

        private void readDirective(String stripped, int lineNumber) throws ParseException {
            if (directivesDone) {
                return;
            }
            Matcher match = DIRECTIVE.matcher(stripped);
            String value = match.matches() ? match.group(2).strip() : "";
            if (value.isEmpty()) {
                directivesDone = true;
                return;
            }
            String name = match.group(1).toLowerCase(Locale.ROOT);
            if (!KNOWN_DIRECTIVES.contains(name) || directives.containsKey(name)) {
                // An unknown or repeated directive is a plain comment and ends the directive block.
                directivesDone = true;
                return;
            }
            directives.put(name, value);
            if (name.equals("escape")) {
                if (!value.equals("`") && !value.equals("\\")) {
                    throw new ParseException(file, lineNumber, 1, "invalid escape character \"" + value
                            + "\" in the escape directive; use ` or \\");
                }
                escape = value.charAt(0);
            }
        }

        private int lastColumn(int lineNumber) {
            return Math.max(1, lines.get(lineNumber - 1).length());
        }

        private Continuation trimContinuation(String line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            boolean endsWithEscape = end > 0 && line.charAt(end - 1) == escape;
            boolean escapedEscape = end > 1 && line.charAt(end - 2) == escape;
            if (endsWithEscape && !escapedEscape) {
                return new Continuation(line.substring(0, end - 1), false);
            }
            return new Continuation(line, true);
        }
    }

    private record Continuation(String text, boolean complete) {
    }
}
