package dev.portcullis.lint.shellcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code shellcheck} program over RUN scripts: one process per shell dialect and batch of
 * up to 500 scripts, every script passed as its own file, output read as {@code -f json1}. The
 * scripts may come from many Dockerfiles, so linting a folder costs a few processes in all.
 *
 * <p>SC1090 and SC1091 are excluded, as Hadolint excludes them: they ask for files that {@code source}
 * reads, which live in the image and not next to the Dockerfile.
 *
 * <p>Example: {@code ShellCheck.onPath().get().check(RunScripts.of(dockerfile))} returns
 * {@code SC2086} at line 3, column 10 for {@code RUN echo $HOME} on line 3.
 *
 * @see <a href="https://github.com/koalaman/shellcheck/blob/master/shellcheck.1.md">shellcheck(1)</a>
 */
public final class ShellCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ShellCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXCLUDED = "SC1090,SC1091";
    private static final int BATCH = 500;

    private final Path executable;
    private final Duration timeout;

    /**
     * @param executable the shellcheck program
     * @param timeout how long one shellcheck process may run before it is stopped
     */
    public ShellCheck(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** Finds {@code shellcheck} on the PATH, with a timeout of one minute per process. */
    public static Optional<ShellCheck> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, "shellcheck");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new ShellCheck(candidate, Duration.ofMinutes(1)));
            }
        }
        return Optional.empty();
    }

    public Path executable() {
        return executable;
    }

    /** Checks the scripts and returns the findings in script order. */
    public List<ShellCheckFinding> check(List<RunScript> scripts) throws ShellCheckException {
        if (scripts.isEmpty()) {
            return List.of();
        }
        Path folder;
        try {
            folder = Files.createTempDirectory("portcullis-shellcheck");
        } catch (IOException e) {
            throw new ShellCheckException("failed to create a temporary folder for shellcheck: " + e.getMessage(), e);
        }
        try {
            Map<String, List<Integer>> byDialect = new LinkedHashMap<>();
            for (int i = 0; i < scripts.size(); i++) {
                Files.writeString(folder.resolve(fileName(i)), scripts.get(i).text());
                byDialect.computeIfAbsent(scripts.get(i).dialect(), dialect -> new ArrayList<>()).add(i);
            }
            List<ShellCheckFinding> findings = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> group : byDialect.entrySet()) {
                List<Integer> indexes = group.getValue();
                for (int from = 0; from < indexes.size(); from += BATCH) {
                    List<Integer> batch = indexes.subList(from, Math.min(indexes.size(), from + BATCH));
                    findings.addAll(run(folder, group.getKey(), batch, scripts));
                }
            }
            return findings;
        } catch (IOException e) {
            throw new ShellCheckException("failed to write the RUN scripts for shellcheck to " + folder + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private List<ShellCheckFinding> run(Path folder, String dialect, List<Integer> indexes, List<RunScript> scripts)
            throws ShellCheckException, IOException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--norc", "--format=json1",
                "--shell=" + dialect, "--exclude=" + EXCLUDED));
        indexes.forEach(index -> command.add(fileName(index)));
        Path output = folder.resolve("output-" + dialect + ".json");
        Path errors = folder.resolve("errors-" + dialect + ".txt");
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        int exit;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ShellCheckException(executable + " timed out after " + timeout.toSeconds() + " s; check that it runs, or run lint with --shellcheck off");
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ShellCheckException("interrupted while waiting for " + executable, e);
        }
        // Exit code 1 means shellcheck found problems, and a higher code means shellcheck itself failed.
        if (exit > 1) {
            throw new ShellCheckException(executable + " failed with exit code " + exit + ": " + Files.readString(errors).strip());
        }
        LOG.debug("shellcheck --shell={} checked {} scripts", dialect, indexes.size());
        return parse(Files.readString(output), scripts);
    }

    static List<ShellCheckFinding> parse(String json, List<RunScript> scripts) throws ShellCheckException {
        JsonNode comments;
        try {
            comments = JSON.readTree(json).path("comments");
        } catch (IOException e) {
            throw new ShellCheckException("shellcheck printed output that is not JSON: " + e.getMessage(), e);
        }
        if (!comments.isArray()) {
            throw new ShellCheckException("shellcheck output has no \"comments\" array; use shellcheck 0.7 or newer");
        }
        List<ShellCheckFinding> findings = new ArrayList<>();
        for (JsonNode comment : comments) {
            int index = indexOf(comment.path("file").asText());
            if (index < 0 || index >= scripts.size()) {
                LOG.warn("Skipped a shellcheck comment on an unknown file {}", comment.path("file").asText());
                continue;
            }
            RunScript script = scripts.get(index);
            findings.add(new ShellCheckFinding(index, "SC" + comment.path("code").asInt(),
                    ShellCheckFinding.severity(comment.path("level").asText()), comment.path("message").asText(),
                    script.toFile(comment.path("line").asInt(), comment.path("column").asInt(),
                            comment.path("endLine").asInt(), comment.path("endColumn").asInt()),
                    script.instruction()));
        }
        findings.sort(Comparator.comparingInt(ShellCheckFinding::script)
                .thenComparingInt(finding -> finding.range().startLine())
                .thenComparingInt(finding -> finding.range().startColumn()));
        return findings;
    }

    private static String fileName(int index) {
        return "run-" + index + ".sh";
    }

    private static int indexOf(String file) {
        String name = Path.of(file).getFileName().toString();
        if (!name.startsWith("run-") || !name.endsWith(".sh")) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(4, name.length() - 3));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete the temporary folder {}: {}", folder, e.toString());
        }
    }
}
