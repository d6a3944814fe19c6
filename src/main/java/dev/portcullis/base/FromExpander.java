package dev.portcullis.base;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.Stage;
import dev.portcullis.lint.shell.ShellLexer;
import dev.portcullis.lint.shell.ShellSyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Expands the image reference of a FROM with build arguments, as {@code docker build --build-arg}
 * does: a value given for an ARG declared before the first FROM replaces its default. Values for
 * undeclared names are ignored, as BuildKit ignores them.
 *
 * <pre>{@code
 * ARG NODE=20
 * FROM node:${NODE}-slim      with --build-arg NODE=22 -> node:22-slim
 * }</pre>
 */
final class FromExpander {

    /** Returns the stage's base image with the build arguments applied; without any, the parser's expansion with defaults. */
    String expand(Dockerfile dockerfile, Stage stage, Map<String, String> buildArgs) {
        String written = stage.from().arguments().isEmpty() ? "" : stage.from().arguments().getFirst();
        if (buildArgs.isEmpty() || !written.contains("$")) {
            return stage.baseImage().orElse(written);
        }
        ShellLexer lexer = new ShellLexer(dockerfile.directives().escape(), false, false, true);
        Map<String, String> values = new HashMap<>();
        try {
            for (Instruction arg : dockerfile.globalArgs()) {
                for (String word : arg.arguments()) {
                    int equals = word.indexOf('=');
                    String name = equals > 0 ? word.substring(0, equals) : word;
                    if (buildArgs.containsKey(name)) {
                        values.put(name, buildArgs.get(name));
                    } else if (equals > 0) {
                        values.put(name, lexer.process(word.substring(equals + 1), key -> Optional.ofNullable(values.get(key))));
                    }
                }
            }
            return lexer.process(written, name -> Optional.ofNullable(values.get(name)));
        } catch (ShellSyntaxException e) {
            return written;
        }
    }
}
