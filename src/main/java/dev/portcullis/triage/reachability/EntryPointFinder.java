package dev.portcullis.triage.reachability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.ImageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the Node.js scripts an image starts from its config's ENTRYPOINT and CMD. Init wrappers
 * ({@code dumb-init}, {@code tini}) with their options and {@code --} are skipped, as are
 * {@code sh -c}, {@code exec} and {@code env}. {@code node [options] script} gives the script
 * relative to WorkingDir plus any {@code -r}, {@code --require} or {@code --import} preloads.
 * {@code npm start} and {@code npm run NAME} read the script from the package.json in WorkingDir,
 * and add the npm CLI itself.
 *
 * <p>Example: ENTRYPOINT {@code ["/usr/bin/dumb-init", "--"]}, CMD {@code ["node", "dist/main.js"]}
 * and WorkingDir {@code /usr/src/app} give {@code /usr/src/app/dist/main.js}.
 */
final class EntryPointFinder {

    /** Programs that run their arguments as the command; docker-entrypoint.sh is the official node image's. */
    private static final Set<String> INIT_WRAPPERS = Set.of("dumb-init", "tini", "tini-static", "docker-init",
            "catatonit", "exec", "docker-entrypoint.sh");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash");
    private static final Set<String> NODE_PRELOAD_OPTIONS = Set.of("-r", "--require", "--import", "--loader",
            "--experimental-loader");
    private static final Set<String> NODE_EVAL_OPTIONS = Set.of("-e", "--eval", "-p", "--print");
    private static final int MAX_SCRIPT_DEPTH = 4;

    private final FileResolver files;
    private final List<String> problems = new ArrayList<>();

    EntryPointFinder(FileResolver files) {
        this.files = files;
    }

    /** Returns the scripts the config starts, resolved to files; problems are kept for {@link #problems()}. */
    List<EntryPoint> find(ImageConfig config) {
        List<String> command = new ArrayList<>(config.entrypoint());
        command.addAll(config.cmd());
        String workingDir = config.workingDir() == null || config.workingDir().isBlank() ? "/"
                : config.workingDir();
        List<EntryPoint> found = new ArrayList<>();
        String origin = "image config: " + String.join(" ", command) + " in " + workingDir;
        fromCommand(command, workingDir, origin, found, 0);
        if (found.isEmpty()) {
            problems.add("no Node.js script found in the image command '" + String.join(" ", command)
                    + "'; give the entry points explicitly");
        }
        return found;
    }

    /** Problems met while reading the command, each naming the part it concerns. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void fromCommand(List<String> command, String workingDir, String origin, List<EntryPoint> found,
            int depth) {
        List<String> rest = skipWrappers(command);
        if (rest.isEmpty() || depth > MAX_SCRIPT_DEPTH) {
            return;
        }
        String program = ModulePaths.baseName(rest.getFirst());
        if (SHELLS.contains(program) && rest.size() >= 3 && rest.get(1).equals("-c")) {
            fromCommand(words(rest.get(2)), workingDir, origin, found, depth + 1);
        } else if (program.equals("node") || program.equals("nodejs")) {
            fromNodeArguments(rest.subList(1, rest.size()), workingDir, origin, found);
        } else if (program.equals("npm")) {
            fromNpm(rest.subList(1, rest.size()), workingDir, origin, found, depth);
        } else if (program.endsWith(".js") || program.endsWith(".mjs") || program.endsWith(".cjs")) {
            found.add(new EntryPoint(ModulePaths.join(workingDir, rest.getFirst()), origin));
        }
    }

    private static List<String> skipWrappers(List<String> command) {
        int index = 0;
        while (index < command.size()) {
            String word = command.get(index);
            String name = ModulePaths.baseName(word);
            if (INIT_WRAPPERS.contains(name) || name.equals("env") || word.equals("--") || word.contains("=")
                    && !word.startsWith("-") && !word.contains("/") || index > 0 && word.startsWith("-")
                    && INIT_WRAPPERS.contains(ModulePaths.baseName(command.get(index - 1)))) {
                index++;
            } else {
                break;
            }
        }
        return command.subList(index, command.size());
    }

    private void fromNodeArguments(List<String> arguments, String workingDir, String origin, List<EntryPoint> found) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (NODE_EVAL_OPTIONS.contains(argument)) {
                problems.add("node " + argument + " runs inline code, which is not analyzed");
                return;
            }
            if (NODE_PRELOAD_OPTIONS.contains(argument) && i + 1 < arguments.size()) {
                found.add(new EntryPoint(preload(arguments.get(i + 1), workingDir), origin + " (preload)"));
                i++;
            } else if (!argument.startsWith("-")) {
                found.add(new EntryPoint(ModulePaths.join(workingDir, argument), origin));
                return;
            }
        }
    }

    /** Resolves a preload specifier: a path relative to WorkingDir, or a package in WorkingDir's node_modules. */
    private static String preload(String specifier, String workingDir) {
        return ModulePaths.isPath(specifier) ? ModulePaths.join(workingDir, specifier)
                : ModulePaths.join(workingDir, "node_modules/" + specifier);
    }

    private void fromNpm(List<String> arguments, String workingDir, String origin, List<EntryPoint> found, int depth) {
        String script;
        if (!arguments.isEmpty() && arguments.getFirst().equals("start")) {
            script = "start";
        } else if (arguments.size() >= 2 && Set.of("run", "run-script").contains(arguments.getFirst())) {
            script = arguments.get(1);
        } else {
            problems.add("npm " + String.join(" ", arguments) + " starts no package script");
            return;
        }
        // The npm CLI runs in its own process before the script, so its modules are loaded too.
        Stream.of("/usr/local/bin/npm", "/usr/bin/npm")
                .flatMap(bin -> files.find(bin).stream())
                .filter(entry -> entry.isRegularFile() && entry.path().endsWith(".js"))
                .findFirst()
                .ifPresent(entry -> found.add(new EntryPoint(entry.path(), origin + " (npm CLI)")));
        String manifest = ModulePaths.join(workingDir, "package.json");
        String command = packageScript(manifest, script);
        if (command == null && script.equals("start")) {
            // npm runs "node server.js" when package.json has no start script and server.js exists.
            command = "node server.js";
        }
        if (command == null) {
            problems.add(manifest + " has no script '" + script + "'");
            return;
        }
        fromCommand(words(command), workingDir, origin + " -> scripts." + script + ": " + command, found, depth + 1);
    }

    private String packageScript(String manifest, String script) {
        try (InputStream in = files.open(manifest)) {
            JsonNode value = new ObjectMapper().readTree(in).path("scripts").path(script);
            return value.isTextual() ? value.asText() : null;
        } catch (IOException e) {
            problems.add("cannot read " + manifest + ": " + e.getMessage());
            return null;
        }
    }

    /** Splits a shell command into words; only the first simple command before {@code &&} or {@code ;}. */
    private static List<String> words(String shellCommand) {
        String first = shellCommand.split("&&|;|\\|\\|")[0].trim();
        // TODO: quoted words with spaces are split apart; scripts rarely quote a script path.
        return Arrays.stream(first.split("\\s+")).filter(word -> !word.isEmpty())
                .map(word -> word.replaceAll("^['\"]|['\"]$", "")).toList();
    }
}
