package dev.portcullis.lint;

import dev.portcullis.lint.dockerfile.Dockerfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ignore comments written in a Dockerfile. {@code # portcullis ignore=PC-D008,DL3009} or
 * {@code # hadolint ignore=DL3008} on the line directly above an instruction silences those rules for
 * that instruction; {@code # portcullis global ignore=...} and {@code # hadolint global ignore=...}
 * silence them for the whole file.
 */
final class InlineIgnores {

    private static final Pattern IGNORE =
            Pattern.compile("^\\s*#\\s*(?:hadolint|portcullis)\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9_,\\s-]+)$");

    private final List<String> lines;
    private final List<String> global = new ArrayList<>();

    InlineIgnores(Dockerfile dockerfile) {
        this.lines = dockerfile.lines();
        for (String line : lines) {
            Matcher match = IGNORE.matcher(line);
            if (match.matches() && match.group(1) != null) {
                global.addAll(ids(match.group(2)));
            }
        }
    }

    /** Returns true when the rule is ignored for an instruction starting at the given line. */
    boolean ignores(RuleInfo rule, int line) {
        if (global.stream().anyMatch(rule::matches)) {
            return true;
        }
        if (line < 2 || line - 2 >= lines.size()) {
            return false;
        }
        Matcher match = IGNORE.matcher(lines.get(line - 2));
        return match.matches() && match.group(1) == null && ids(match.group(2)).stream().anyMatch(rule::matches);
    }

    private static List<String> ids(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }
}
