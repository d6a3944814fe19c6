package dev.portcullis.lint.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * One build stage: a FROM instruction and what follows it up to the next FROM.
 *
 * @param index position among the stages, from 0
 * @param name the name after {@code AS}, if any
 * @param from the FROM instruction, or null for instructions written before any FROM
 * @param baseImage the image reference of FROM with ARGs declared before the first FROM expanded to
 *     their defaults, for example {@code node:20} for {@code ARG V=20} and {@code FROM node:${V}};
 *     written as is when a variable has no default
 * @param instructions the instructions after FROM
 */
public record Stage(int index, Optional<String> name, Instruction from, Optional<String> baseImage,
        List<Instruction> instructions) {

    public Stage {
        instructions = List.copyOf(instructions);
    }

    /** Returns the instructions of the stage with ONBUILD triggers replaced by the instruction they hold. */
    public List<Instruction> effectiveInstructions() {
        return instructions.stream().map(Instruction::effective).toList();
    }
}
