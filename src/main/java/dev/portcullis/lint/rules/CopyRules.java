package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.ERROR;
import static dev.portcullis.lint.Severity.INFO;
import static dev.portcullis.lint.Severity.WARNING;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.Violation;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.Stage;
import dev.portcullis.lint.shell.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rules for COPY and ADD: stage references, destinations, archives and remote sources. */
final class CopyRules {

    private static final List<String> ARCHIVES = List.of(".tar", ".gz", ".bz2", ".xz", ".tgz", ".tbz", ".tbz2", ".txz", ".zst", ".Z", ".lz", ".lzma");

    private CopyRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D010", "DL3010", null, INFO, "Use ADD to extract a local archive instead of COPY and tar -x")
                        .whole(CopyRules::copiedThenExtracted),
                rule("PC-D020", "DL3020", "4.9", ERROR, "Use COPY instead of ADD for files and folders")
                        .each("ADD", add -> sources(add).stream().anyMatch(source -> !isUrl(source) && !isArchive(source))),
                rule("PC-D021", "DL3021", null, ERROR, "COPY with more than two arguments needs a destination ending in /")
                        .each("COPY", copy -> paths(copy).size() > 2 && !destination(copy).endsWith("/")),
                rule("PC-D022", "DL3022", null, WARNING, "COPY --from must name an earlier stage")
                        .each("COPY", CopyRules::unknownStage),
                rule("PC-D023", "DL3023", null, ERROR, "COPY --from cannot copy from the stage it is in")
                        .each("COPY", CopyRules::ownStage),
                rule("PC-D045", "DL3045", null, WARNING, "COPY to a relative destination needs a WORKDIR set before it")
                        .each("COPY", CopyRules::relativeWithoutWorkdir),
                rule("PC-D067", "DL3067", null, WARNING, "Do not copy the whole root of another stage or image into /")
                        .each("COPY", copy -> copy.flag("from").isPresent() && paths(copy).size() == 2
                                && sources(copy).getFirst().equals("/") && destination(copy).equals("/")),
                rule("PC-D905", null, "4.11", WARNING, "ADD of a remote URL needs --checksum so the download is verified")
                        .each("ADD", add -> add.flag("checksum").isEmpty() && sources(add).stream()
                                .anyMatch(source -> source.startsWith("http://") || source.startsWith("https://"))));
    }

    /** Returns the source and destination paths with surrounding quotes removed. */
    static List<String> paths(Instruction copy) {
        if (copy.json()) {
            return copy.arguments();
        }
        return copy.arguments().stream().map(StageScope::unquote)
                .filter(path -> !path.startsWith("<<")).toList();
    }

    static List<String> sources(Instruction copy) {
        List<String> paths = paths(copy);
        return paths.isEmpty() ? List.of() : paths.subList(0, paths.size() - 1);
    }

    static String destination(Instruction copy) {
        List<String> paths = paths(copy);
        return paths.isEmpty() ? "" : StageScope.unquote(paths.getLast());
    }

    private static boolean isUrl(String source) {
        return source.matches("(?i)^(https?|git|ssh)://.*") || source.startsWith("git@");
    }

    private static boolean isArchive(String source) {
        return ARCHIVES.stream().anyMatch(source::endsWith);
    }

    private static String baseName(String path) {
        String trimmed = path.replace("\"", "").replace("'", "");
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return trimmed.substring(cut + 1);
    }

    private static List<Violation> copiedThenExtracted(Dockerfile dockerfile, LintConfig config) {
        List<Violation> found = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            List<Instruction> instructions = stage.effectiveInstructions();
            for (int i = 0; i < instructions.size(); i++) {
                Instruction copy = instructions.get(i);
                if (!copy.is("COPY") || copy.flag("from").isPresent()) {
                    continue;
                }
                List<String> names = new ArrayList<>(sources(copy).stream().filter(CopyRules::isArchive).map(CopyRules::baseName).toList());
                if (names.isEmpty()) {
                    continue;
                }
                names.add(baseName(destination(copy)));
                if (extractedLater(instructions.subList(i + 1, instructions.size()), names)) {
                    found.add(Violation.at(copy));
                }
            }
        }
        return found;
    }

    private static boolean extractedLater(List<Instruction> later, List<String> names) {
        for (Instruction instruction : later) {
            if (!instruction.is("RUN")) {
                continue;
            }
            for (Command tar : RunCommand.of(instruction).commands("tar")) {
                boolean extracts = tar.hasFlag("-x", "--extract", "--get")
                        || !tar.arguments().isEmpty() && tar.arguments().getFirst().matches("[a-zA-Z]*x[a-zA-Z]*");
                if (extracts && tar.arguments().stream().map(CopyRules::baseName).anyMatch(names::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unknownStage(Instruction copy, Dockerfile dockerfile) {
        Optional<String> from = copy.flag("from");
        if (from.isEmpty() || from.get().contains("$")) {
            return false;
        }
        String reference = from.get();
        if (reference.matches("\\d+")) {
            return Integer.parseInt(reference) >= Math.max(0, copy.stageIndex())
                    || dockerfile.stages().get(Integer.parseInt(reference)).from() == null;
        }
        if (reference.contains(":") || reference.contains("/") || reference.contains("@")) {
            return false;
        }
        return dockerfile.stages().stream().filter(stage -> stage.index() < copy.stageIndex())
                .noneMatch(stage -> stage.name().map(reference::equalsIgnoreCase).orElse(false));
    }

    private static boolean ownStage(Instruction copy, Dockerfile dockerfile) {
        Optional<String> from = copy.flag("from");
        if (from.isEmpty() || copy.stageIndex() < 0) {
            return false;
        }
        return dockerfile.stages().get(copy.stageIndex()).name().map(name -> name.equalsIgnoreCase(from.get())).orElse(false);
    }

    private static boolean relativeWithoutWorkdir(Instruction copy, Dockerfile dockerfile) {
        String destination = destination(copy);
        if (destination.isEmpty() || isAbsolute(destination) || copy.stageIndex() < 0) {
            return false;
        }
        Stage stage = dockerfile.stages().get(copy.stageIndex());
        for (Stage ancestor : StageScope.lineage(dockerfile, stage)) {
            for (Instruction instruction : ancestor.effectiveInstructions()) {
                if (ancestor == stage && instruction.range().startLine() >= copy.range().startLine()) {
                    break;
                }
                if (instruction.is("WORKDIR")) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean isAbsolute(String path) {
        String unquoted = StageScope.unquote(path);
        return unquoted.startsWith("/") || unquoted.startsWith("$") || unquoted.matches("(?i)^[a-z]:[\\\\/].*");
    }
}
