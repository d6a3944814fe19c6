package dev.portcullis.audit.imageconfig;

import dev.portcullis.audit.dockerrun.ShellWords;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code NAME=value} assignments that an image history step's {@code created_by} line shows:
 * the build arguments a RUN step saw ({@code |2 A=1 B=2 /bin/sh -c ...}, as the classic builder and
 * BuildKit record them), the variables set by an ENV or ARG step, and assignments that start a RUN command
 * ({@code SECRET=x make}). Words after the first command word are not assignments and are not read.
 *
 * <pre>{@code
 * "|1 DB_PASSWORD=s3cret /bin/sh -c npm ci"  -> build argument DB_PASSWORD=s3cret
 * "/bin/sh -c #(nop) ENV PASS=ADMIN"         -> ENV PASS=ADMIN
 * "/bin/sh -c echo 'secret=foo;' > x"        -> nothing
 * }</pre>
 */
public final class HistoryAssignments {

    /** The kind of history step an assignment was read from. */
    public enum Kind { BUILD_ARG, ENV, ARG, RUN }

    /** One assignment. */
    public record Assignment(Kind kind, String name, String value) {}

    private static final Pattern BUILD_ARGS = Pattern.compile("^(?:RUN\\s+)?\\|(\\d+)\\s+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private HistoryAssignments() {}

    public static List<Assignment> read(String createdBy) {
        List<Assignment> result = new ArrayList<>();
        if (createdBy == null || createdBy.isBlank()) {
            return result;
        }
        List<String> words;
        try {
            words = ShellWords.split(createdBy.strip());
        } catch (IllegalArgumentException e) {
            return result;
        }

        int i = 0;
        Matcher buildArgs = BUILD_ARGS.matcher(createdBy.strip());
        if (buildArgs.find()) {
            int count = Integer.parseInt(buildArgs.group(1));
            i = words.getFirst().equals("RUN") ? 2 : 1;
            for (int n = 0; n < count && i < words.size(); n++, i++) {
                addAssignment(Kind.BUILD_ARG, words.get(i), result);
            }
        }

        List<String> step = stepWords(words.subList(i, words.size()));
        int start = !step.isEmpty() && step.getFirst().equals("#(nop)") ? 1 : 0;
        String instruction = start < step.size() ? step.get(start) : "";
        if (instruction.equals("ENV") || instruction.equals("ARG")) {
            Kind kind = instruction.equals("ENV") ? Kind.ENV : Kind.ARG;
            step.subList(start + 1, step.size()).forEach(word -> addAssignment(kind, word, result));
            return result;
        }

        int j = instruction.equals("RUN") ? start + 1 : start;
        for (; j < step.size() && isAssignment(step.get(j)); j++) {
            addAssignment(Kind.RUN, step.get(j), result);
        }
        return result;
    }

    /** Returns the words of the step after a leading {@code sh -c}, splitting a script kept in one word. */
    private static List<String> stepWords(List<String> words) {
        if (words.size() < 2 || !words.get(0).endsWith("sh") || !words.get(1).equals("-c")) {
            return words;
        }
        List<String> step = new ArrayList<>();
        if (words.size() > 2 && words.get(2).contains(" ")) {
            // "/bin/sh -c 'A=b cmd'" keeps the script in one word.
            step.addAll(ShellWords.split(words.get(2)));
            step.addAll(words.subList(3, words.size()));
        } else {
            step.addAll(words.subList(2, words.size()));
        }
        return step;
    }

    private static boolean isAssignment(String word) {
        int equals = word.indexOf('=');
        return equals > 0 && NAME.matcher(word.substring(0, equals)).matches();
    }

    private static void addAssignment(Kind kind, String word, List<Assignment> result) {
        if (isAssignment(word)) {
            int equals = word.indexOf('=');
            result.add(new Assignment(kind, word.substring(0, equals), word.substring(equals + 1)));
        }
    }
}
