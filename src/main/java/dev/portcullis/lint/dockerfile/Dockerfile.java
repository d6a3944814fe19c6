package dev.portcullis.lint.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed Dockerfile: directives, ARGs declared before the first FROM, and the stages.
 *
 * @param file the file name used in findings and errors
 * @param lines the file text split into lines, for inline ignore comments
 * @param directives parser directives
 * @param globalArgs ARG instructions before the first FROM
 * @param stages the build stages in file order; the last one is the image that ships
 * @param instructions every instruction in file order
 */
public record Dockerfile(String file, List<String> lines, Directives directives, List<Instruction> globalArgs,
        List<Stage> stages, List<Instruction> instructions) {

    public Dockerfile {
        lines = List.copyOf(lines);
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
        instructions = List.copyOf(instructions);
    }

    /** Returns the stage that becomes the image, the last one. */
    public Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.getLast());
    }

    /** Finds a stage by its {@code AS} name (case-insensitive, as BuildKit compares) or by its index. */
    public Optional<Stage> stage(String nameOrIndex) {
        for (Stage stage : stages) {
            if (stage.name().map(name -> name.equalsIgnoreCase(nameOrIndex)).orElse(false)) {
                return Optional.of(stage);
            }
        }
        if (nameOrIndex.matches("\\d{1,6}")) {
            int index = Integer.parseInt(nameOrIndex);
            return stages.stream().filter(stage -> stage.index() == index && stage.from() != null).findFirst();
        }
        return Optional.empty();
    }

    /** Returns the stage names in lower case. */
    public List<String> stageNames() {
        return stages.stream().flatMap(stage -> stage.name().stream()).map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    /** Returns all instructions with ONBUILD triggers replaced by the instruction they hold. */
    public List<Instruction> effectiveInstructions() {
        return instructions.stream().map(Instruction::effective).toList();
    }

    /**
     * Returns the file as {@code docker build --target} sees it: the stages after the target are
     * dropped, so the target is the final stage that rules about the shipped image judge.
     *
     * @param target a stage name or index
     * @return the cut file, or empty when no stage has that name or index
     */
    public Optional<Dockerfile> withTarget(String target) {
        return stage(target).map(last -> new Dockerfile(file, lines, directives, globalArgs,
                stages.subList(0, last.index() + 1),
                instructions.stream().filter(instruction -> instruction.stageIndex() <= last.index()).toList()));
    }
}
