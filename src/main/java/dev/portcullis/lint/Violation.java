package dev.portcullis.lint;

import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.SourceRange;

/**
 * A problem a rule reports, before configuration and ignore comments apply.
 *
 * @param range where the problem is
 * @param message a message specific to this occurrence, or null for the rule title
 */
public record Violation(SourceRange range, String message) {

    public static Violation at(Instruction instruction) {
        return new Violation(instruction.range(), null);
    }

    public static Violation at(Instruction instruction, String message) {
        return new Violation(instruction.range(), message);
    }
}
