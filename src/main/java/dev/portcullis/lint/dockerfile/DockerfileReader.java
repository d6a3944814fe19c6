package dev.portcullis.lint.dockerfile;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import dev.portcullis.lint.shell.ShellLexer;
import dev.portcullis.lint.shell.ShellSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Dockerfile into the {@link Dockerfile} model: checks the bytes are text, parses the nodes,
 * rejects unknown instructions and groups instructions into stages.
 *
 * <p>Example: {@code ARG V=1}, {@code FROM a AS build}, {@code FROM b} gives one global ARG and two
 * stages, {@code build} (index 0) and an unnamed final stage (index 1).
 */
public final class DockerfileReader {

    private static final Set<String> INSTRUCTIONS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
            "WORKDIR");

    private final DockerfileParser parser = new DockerfileParser();

    /** Reads and parses a file. */
    public Dockerfile read(Path path) throws IOException, ParseException {
        byte[] bytes = Files.readAllBytes(path);
        return read(path.toString(), decode(path.toString(), bytes));
    }

    /** Parses text already in memory; {@code file} names it in errors. */
    public Dockerfile read(String file, String text) throws ParseException {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = (int) text.substring(0, nul).chars().filter(ch -> ch == '\n').count() + 1;
            int column = nul - text.lastIndexOf('\n', nul);
            throw new ParseException(file, line, column, "binary content (a NUL byte) where Dockerfile text was expected");
        }
        DockerfileParser.Result result = parser.parse(file, text);
        return assemble(file, text, result);
    }

    private static String decode(String file, byte[] bytes) throws ParseException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ParseException(file, 1, 1, "the file is not UTF-8 text; save the Dockerfile as UTF-8");
        }
    }

    private static Dockerfile assemble(String file, String text, DockerfileParser.Result result) throws ParseException {
        List<Instruction> globalArgs = new ArrayList<>();
        List<Instruction> all = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        Instruction from = null;
        List<Instruction> current = new ArrayList<>();
        boolean seenFrom = false;
        for (Node node : result.nodes()) {
            checkKnown(file, node);
            if (node.instruction().equals("FROM")) {
                if (seenFrom || !current.isEmpty()) {
                    stages.add(stage(stages.size(), from, current, globalArgs, result.directives().escape()));
                }
                seenFrom = true;
                from = new Instruction(node, stages.size(), false);
                current = new ArrayList<>();
                all.add(from);
                continue;
            }
            if (!seenFrom && node.instruction().equals("ARG")) {
                Instruction arg = new Instruction(node, -1, false);
                globalArgs.add(arg);
                all.add(arg);
                continue;
            }
            Instruction instruction = new Instruction(node, stages.size(), false);
            current.add(instruction);
            all.add(instruction);
        }
        if (seenFrom || !current.isEmpty()) {
            stages.add(stage(stages.size(), from, current, globalArgs, result.directives().escape()));
        }
        return new Dockerfile(file, text.lines().toList(), result.directives(), globalArgs, stages, all);
    }

    private static Stage stage(int index, Instruction from, List<Instruction> instructions, List<Instruction> globalArgs,
            char escape) {
        Optional<String> name = Optional.empty();
        Optional<String> image = Optional.empty();
        if (from != null && !from.arguments().isEmpty()) {
            List<String> arguments = from.arguments();
            if (arguments.size() >= 3 && arguments.get(1).equalsIgnoreCase("AS")) {
                name = Optional.of(arguments.get(2));
            }
            image = Optional.of(expandWithDefaults(arguments.getFirst(), globalArgs, escape));
        }
        return new Stage(index, name, from, image, instructions);
    }

    /** Expands FROM with the defaults of ARGs declared before it, or returns the text as written when one has no default. */
    private static String expandWithDefaults(String reference, List<Instruction> globalArgs, char escape) {
        if (!reference.contains("$")) {
            return reference;
        }
        ShellLexer lexer = new ShellLexer(escape, false, false, true);
        Map<String, String> defaults = new HashMap<>();
        try {
            for (Instruction arg : globalArgs) {
                for (String word : arg.arguments()) {
                    int equals = word.indexOf('=');
                    if (equals > 0) {
                        defaults.put(word.substring(0, equals), lexer.process(word.substring(equals + 1), name -> Optional.empty()));
                    }
                }
            }
            String expanded = lexer.process(reference, name -> Optional.ofNullable(defaults.get(name)));
            return expanded.contains("$") || expanded.isEmpty() ? reference : expanded;
        } catch (ShellSyntaxException e) {
            return reference;
        }
    }

    private static void checkKnown(String file, Node node) throws ParseException {
        if (!INSTRUCTIONS.contains(node.instruction())) {
            throw new ParseException(file, node.range().startLine(), node.range().startColumn(),
                    "unknown instruction: " + node.keyword() + "; check the spelling or a missing line continuation above");
        }
        if (node.child() != null) {
            checkKnown(file, node.child());
        }
    }
}
