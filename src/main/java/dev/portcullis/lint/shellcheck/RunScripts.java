package dev.portcullis.lint.shellcheck;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.SourceRange;
import dev.portcullis.lint.dockerfile.Stage;
import dev.portcullis.lint.rules.StageScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the shell-form RUN scripts of a Dockerfile with the shell that runs them, as Hadolint
 * hands them to ShellCheck.
 *
 * <p>The shell is {@code /bin/sh} at each FROM, or the shell of the stage named in FROM, until a
 * SHELL instruction or a {@code # hadolint shell=NAME} comment changes it. Such a comment above
 * the first FROM applies to every stage. Shells ShellCheck cannot read (PowerShell, cmd, zsh) are
 * skipped. The variables declared for a script are the ARG and ENV names in scope plus the proxy
 * variables the builder always passes. An ONBUILD trigger runs in a later build whose ARGs and
 * SHELL are unknown here, so it is checked as {@code /bin/sh} with the ENV names and proxies only.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#run">Dockerfile RUN</a>
 */
public final class RunScripts {

    private static final List<String> PROXY_VARIABLES = List.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY",
            "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");
    private static final Pattern SHELL_PRAGMA = Pattern.compile("^\\s*#\\s*(?:hadolint|portcullis)\\s+shell\\s*=\\s*(\\S+)\\s*$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HEREDOC_ONLY = Pattern.compile("<<-?\\s*(['\"]?)[A-Za-z0-9_.-]+\\1");
    private static final String DEFAULT_SHELL = "/bin/sh";

    private RunScripts() {
    }

    /** Returns the scripts of every shell-form RUN (ONBUILD RUN included) in a shell ShellCheck reads. */
    public static List<RunScript> of(Dockerfile dockerfile) {
        TreeMap<Integer, String> pragmas = pragmas(dockerfile);
        int firstFrom = dockerfile.stages().stream().filter(stage -> stage.from() != null)
                .mapToInt(stage -> stage.from().range().startLine()).findFirst().orElse(Integer.MAX_VALUE);
        Optional<String> fileShell = Optional.ofNullable(pragmas.lowerEntry(firstFrom)).map(Map.Entry::getValue);
        Map<Integer, String> finalShells = new HashMap<>();
        List<RunScript> scripts = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            String shell = StageScope.parent(dockerfile, stage).map(parent -> finalShells.get(parent.index()))
                    .orElse(DEFAULT_SHELL);
            int stageStart = stage.from() == null ? 0 : stage.from().range().startLine();
            for (Instruction written : stage.instructions()) {
                Instruction instruction = written.effective();
                if (instruction.is("SHELL") && instruction.json() && !instruction.arguments().isEmpty() && !instruction.onbuild()) {
                    shell = instruction.arguments().getFirst();
                }
                if (!instruction.is("RUN") || instruction.json()) {
                    continue;
                }
                int line = instruction.range().startLine();
                Map.Entry<Integer, String> pragma = pragmas.lowerEntry(line);
                Optional<String> pragmaShell = pragma != null && pragma.getKey() > stageStart
                        ? Optional.of(pragma.getValue()) : fileShell;
                String runShell = pragmaShell.orElse(instruction.onbuild() ? DEFAULT_SHELL : shell);
                dialect(runShell).ifPresent(dialect -> script(dockerfile, stage, instruction, dialect).ifPresent(scripts::add));
            }
            finalShells.put(stage.index(), shell);
        }
        return scripts;
    }

    /** Returns the ShellCheck dialect for a shell path such as {@code /bin/bash}, or empty when ShellCheck cannot read it. */
    static Optional<String> dialect(String shell) {
        String name = shell.strip().split("\\s+")[0];
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "sh", "ash", "busybox" -> Optional.of("sh");
            case "bash" -> Optional.of("bash");
            case "dash" -> Optional.of("dash");
            case "ksh", "mksh" -> Optional.of("ksh");
            default -> Optional.empty();
        };
    }

    private static TreeMap<Integer, String> pragmas(Dockerfile dockerfile) {
        TreeMap<Integer, String> pragmas = new TreeMap<>();
        for (int i = 0; i < dockerfile.lines().size(); i++) {
            Matcher match = SHELL_PRAGMA.matcher(dockerfile.lines().get(i));
            if (match.matches()) {
                pragmas.put(i + 1, match.group(1));
            }
        }
        return pragmas;
    }

    private static Optional<RunScript> script(Dockerfile dockerfile, Stage stage, Instruction run, String dialect) {
        TreeSet<String> variables = new TreeSet<>(PROXY_VARIABLES);
        if (run.onbuild()) {
            variables.addAll(envNames(dockerfile, stage, run));
        } else {
            variables.addAll(StageScope.variables(dockerfile, run).keySet());
        }
        variables.removeIf(name -> !NAME.matcher(name).matches());
        return ScriptLayout.of(dockerfile, run).map(layout -> new RunScript(layout.shebangDialect().orElse(dialect),
                List.copyOf(variables), layout.body(), layout.fileLines(), layout.firstColumn(), run.range()));
    }

    private static List<String> envNames(Dockerfile dockerfile, Stage stage, Instruction at) {
        List<String> names = new ArrayList<>();
        for (Stage current : StageScope.lineage(dockerfile, stage)) {
            for (Instruction instruction : current.instructions()) {
                boolean before = current != stage || instruction.range().startLine() < at.range().startLine();
                if (instruction.is("ENV") && before) {
                    List<String> triples = instruction.arguments();
                    for (int k = 0; k < triples.size(); k += 3) {
                        names.add(triples.get(k));
                    }
                }
            }
        }
        return names;
    }

    /**
     * The body lines of a RUN and where each sits in the file, with the dialect a here-document's
     * {@code #!} line names, because BuildKit runs such a body with that interpreter.
     */
    record ScriptLayout(List<String> body, List<Integer> fileLines, int firstColumn, Optional<String> shebangDialect) {

        static Optional<ScriptLayout> of(Dockerfile dockerfile, Instruction run) {
            SourceRange range = run.range();
            List<String> lines = dockerfile.lines();
            if (!run.heredocs().isEmpty() && HEREDOC_ONLY.matcher(run.text().strip()).matches()) {
                return heredocScript(run, range);
            }
            char escape = dockerfile.directives().escape();
            int prefix = prefixLength(lines.get(range.startLine() - 1), run.node().flags().size(), run.onbuild());
            if (escape != '\\' || prefix < 0 || range.endLine() > lines.size()) {
                // Without the usual escape character the physical lines are not shell syntax, so
                // ShellCheck reads the joined command and every finding points at the first line.
                return Optional.of(new ScriptLayout(List.of(run.text()), List.of(range.startLine()), range.startColumn(),
                        Optional.empty()));
            }
            List<String> body = new ArrayList<>();
            List<Integer> fileLines = new ArrayList<>();
            body.add(trimContinuation(lines.get(range.startLine() - 1).substring(prefix)));
            fileLines.add(range.startLine());
            boolean keepAll = !run.heredocs().isEmpty();
            for (int number = range.startLine() + 1; number <= range.endLine(); number++) {
                String line = lines.get(number - 1);
                String stripped = line.strip();
                // BuildKit drops comment and blank lines inside a continued instruction, but a heredoc body keeps them.
                if (!keepAll && (stripped.isEmpty() || stripped.startsWith("#"))) {
                    continue;
                }
                body.add(keepAll ? line : trimContinuation(line));
                fileLines.add(number);
            }
            return Optional.of(new ScriptLayout(body, fileLines, prefix + 1, Optional.empty()));
        }

        private static Optional<ScriptLayout> heredocScript(Instruction run, SourceRange range) {
            String content = run.heredocs().getFirst().effectiveContent();
            Optional<String> shebangDialect = Optional.empty();
            if (content.startsWith("#!")) {
                shebangDialect = dialect(content.substring(2).lines().findFirst().orElse("").replace("/usr/bin/env ", ""));
                if (shebangDialect.isEmpty()) {
                    return Optional.empty();
                }
            }
            List<String> body = content.lines().toList();
            if (body.isEmpty()) {
                return Optional.empty();
            }
            List<Integer> fileLines = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                fileLines.add(range.startLine() + 1 + i);
            }
            return Optional.of(new ScriptLayout(body, fileLines, 1, shebangDialect));
        }

        /** Returns the length of {@code [ONBUILD] RUN [--flag ...] } on the first line, or -1 when the flags run past it. */
        private static int prefixLength(String line, int flags, boolean onbuild) {
            int position = skipSpace(line, 0);
            int words = (onbuild ? 2 : 1) + flags;
            for (int i = 0; i < words; i++) {
                int end = position;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                    end++;
                }
                if (end == position) {
                    return -1;
                }
                position = skipSpace(line, end);
            }
            return position;
        }

        private static int skipSpace(String line, int from) {
            int position = from;
            while (position < line.length() && Character.isWhitespace(line.charAt(position))) {
                position++;
            }
            return position;
        }

        /** Removes blanks after a trailing backslash, which BuildKit accepts but a shell would read as an escaped blank. */
        private static String trimContinuation(String line) {
            String stripped = line.stripTrailing();
            return stripped.endsWith("\\") ? stripped : line;
        }
    }
}
