package dev.portcullis.lint.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a POSIX shell script into simple commands and pipelines, enough for lint rules to
 * reason about commands such as {@code apt-get install} or {@code curl ... | sh}.
 *
 * <p>Example: {@code set -o pipefail && curl -fsSL x | sh; (cd /a && make)} gives the commands
 * {@code set}, {@code curl}, {@code sh}, {@code cd}, {@code make} and one pipeline {@code [curl, sh]}.
 * Quotes are removed from words, redirections and their targets are dropped and comments are skipped.
 * {@code $(...)} and backquotes stay inside the word that contains them, and the commands inside
 * them are added after the script's own commands.
 *
 * @see <a href="https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html">Shell Command Language</a>
 */
public final class ShellTokenizer {

    /** Reserved words that may start a command list; the command proper follows them. */
    private static final java.util.Set<String> LEADING_KEYWORDS =
            java.util.Set.of("{", "}", "!", "then", "do", "else", "elif", "if", "while", "until");
    private static final java.util.Set<String> CLOSING_KEYWORDS = java.util.Set.of("fi", "done", "esac");
    /** Command substitutions nested deeper than this are kept as words only, which bounds the recursion. */
    private static final int MAX_NESTING = 16;

    /** Tokenizes a script. An unbalanced quote ends the last word at the end of the text. */
    public ShellScript tokenize(String script) {
        return new Run(script, 0).run();
    }

    private static final class Run {
        private final String text;
        private final List<Command> commands = new ArrayList<>();
        private final List<List<Command>> pipelines = new ArrayList<>();
        private final List<String> substitutions = new ArrayList<>();
        private List<String> words = new ArrayList<>();
        private List<Command> pipeline = new ArrayList<>();
        private StringBuilder word = new StringBuilder();
        private boolean inWord;
        private boolean skipNextWord;
        private final int depth;
        private int pos;

        Run(String text, int depth) {
            this.text = text;
            this.depth = depth;
        }

        ShellScript run() {
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (ch == '\\' && pos + 1 < text.length()) {
                    if (text.charAt(pos + 1) != '\n') {
                        word.append(text.charAt(pos + 1));
                        inWord = true;
                    }
                    pos += 2;
                } else if (ch == '\'') {
                    singleQuoted();
                } else if (ch == '"') {
                    doubleQuoted();
                } else if (ch == '$' && pos + 1 < text.length() && text.charAt(pos + 1) == '(') {
                    substitution();
                } else if (ch == '`') {
                    backquoted();
                } else if (ch == '#' && !inWord) {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (ch == ' ' || ch == '\t') {
                    endWord();
                    pos++;
                } else if (ch == '\n' || ch == ';' || ch == '(' || ch == ')') {
                    endCommand(true);
                    pos += text.startsWith(";;", pos) ? 2 : 1;
                } else if (ch == '&' || ch == '|') {
                    operator(ch);
                } else if (ch == '>' || ch == '<') {
                    redirection();
                } else {
                    if (ch >= '0' && ch <= '9' && !inWord && pos + 1 < text.length()
                            && (text.charAt(pos + 1) == '>' || text.charAt(pos + 1) == '<')) {
                        // A file descriptor number before a redirection belongs to it.
                        pos++;
                        continue;
                    }
                    word.append(ch);
                    inWord = true;
                    pos++;
                }
            }
            endCommand(true);
            for (String inner : depth < MAX_NESTING ? substitutions : List.<String>of()) {
                ShellScript nested = new Run(inner, depth + 1).run();
                commands.addAll(nested.commands());
                pipelines.addAll(nested.pipelines());
            }
            return new ShellScript(commands, pipelines, text);
        }

        private void operator(char ch) {
            boolean doubled = pos + 1 < text.length() && text.charAt(pos + 1) == ch;
            if (ch == '&' && !doubled && pos + 1 < text.length() && text.charAt(pos + 1) == '>') {
                pos++;
                redirection();
                return;
            }
            if (ch == '|' && !doubled) {
                endCommand(false);
                pos += text.startsWith("|&", pos) ? 2 : 1;
                return;
            }
            endCommand(true);
            pos += doubled ? 2 : 1;
        }

        private void redirection() {
            endWord();
            pos++;
            while (pos < text.length() && (text.charAt(pos) == '>' || text.charAt(pos) == '<'
                    || text.charAt(pos) == '&' || text.charAt(pos) == '|' || text.charAt(pos) == '-')) {
                pos++;
            }
            boolean duplication = pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos - 1) == '&';
            if (duplication) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                return;
            }
            skipNextWord = true;
        }

        private void singleQuoted() {
            inWord = true;
            int end = text.indexOf('\'', pos + 1);
            end = end < 0 ? text.length() : end;
            word.append(text, pos + 1, end);
            pos = Math.min(text.length(), end + 1);
        }

        private void doubleQuoted() {
            inWord = true;
            pos++;
            while (pos < text.length() && text.charAt(pos) != '"') {
                char ch = text.charAt(pos);
                if (ch == '\\' && pos + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(pos + 1)) >= 0) {
                    if (text.charAt(pos + 1) != '\n') {
                        word.append(text.charAt(pos + 1));
                    }
                    pos += 2;
                } else if (ch == '$' && pos + 1 < text.length() && text.charAt(pos + 1) == '(') {
                    substitution();
                } else {
                    word.append(ch);
                    pos++;
                }
            }
            pos++;
        }

        private void substitution() {
            inWord = true;
            int depth = 0;
            int start = pos;
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth--;
                    if (depth == 0) {
                        pos++;
                        break;
                    }
                } else if (ch == '\'') {
                    int end = text.indexOf('\'', pos + 1);
                    pos = end < 0 ? text.length() - 1 : end;
                }
                pos++;
            }
            int end = Math.min(pos, text.length());
            word.append(text, start, end);
            substitutions.add(text.substring(Math.min(start + 2, end), Math.max(start + 2, end - 1)));
        }

        private void backquoted() {
            inWord = true;
            int end = text.indexOf('`', pos + 1);
            end = end < 0 ? text.length() : end;
            word.append(text, pos, Math.min(text.length(), end + 1));
            substitutions.add(text.substring(pos + 1, end));
            pos = Math.min(text.length(), end + 1);
        }

        private void endWord() {
            if (inWord) {
                if (skipNextWord) {
                    skipNextWord = false;
                } else {
                    words.add(word.toString());
                }
            }
            word = new StringBuilder();
            inWord = false;
        }

        private void endCommand(boolean endsPipeline) {
            endWord();
            skipNextWord = false;
            while (!words.isEmpty() && LEADING_KEYWORDS.contains(words.getFirst())) {
                words.removeFirst();
            }
            if (!words.isEmpty() && !CLOSING_KEYWORDS.contains(words.getFirst())) {
                Command command = new Command(words, pipelines.size(), !pipeline.isEmpty());
                commands.add(command);
                pipeline.add(command);
            }
            words = new ArrayList<>();
            if (endsPipeline) {
                if (pipeline.size() > 1) {
                    pipelines.add(pipeline);
                }
                pipeline = new ArrayList<>();
            }
        }
    }
}
