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
 * that instruction. {@code # portcullis global ignore=...} and {@code # hadolint global ignore=...}
 * silence them for the whole file. BuildKit's {@code # check=skip=NAME[,NAME]} (or {@code skip=all})
 * silences the rules with those BuildKit check names: for the whole file as a parser directive, for one
 * instruction on the line above it.
 */
final class InlineIgnores {

    private static final Pattern IGNORE =
            Pattern.compile("^\\s*#\\s*(?:hadolint|portcullis)\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9_,\\s-]+)$");

    private static final Pattern CHECK_SKIP = Pattern.compile("^\\s*#\\s*check\\s*=\\s*(.*)$");

    private final List<String> lines;
    private final List<String> global = new ArrayList<>();
    private final List<String> globalChecks;

    InlineIgnores(Dockerfile dockerfile) {
        this.lines = dockerfile.lines();
        this.globalChecks = dockerfile.directives().check().map(InlineIgnores::skippedChecks).orElse(List.of());
        for (String line : lines) {
            Matcher match = IGNORE.matcher(line);
            if (match.matches() && match.group(1) != null) {
                global.addAll(ids(match.group(2)));
            }
        }
    }

    /** Returns true when the rule is ignored for an instruction starting at the given line. */
    boolean ignores(RuleInfo rule, int line) {
        if (global.stream().anyMatch(rule::matches) || skipsCheck(globalChecks, rule)) {
            return true;
        }
        if (line < 2 || line - 2 >= lines.size()) {
            return false;
        }
        String above = lines.get(line - 2);
        Matcher match = IGNORE.matcher(above);
        if (match.matches() && match.group(1) == null && ids(match.group(2)).stream().anyMatch(rule::matches)) {
            return true;
        }
        Matcher check = CHECK_SKIP.matcher(above);
        return check.matches() && skipsCheck(skippedChecks(check.group(1)), rule);
    }

    private static boolean skipsCheck(List<String> skipped, RuleInfo rule) {
        return rule.buildkitName().isPresent()
                && (skipped.contains("all") || skipped.stream().anyMatch(name -> rule.buildkitName().get().equalsIgnoreCase(name)));
    }

    /** Reads the names after {@code skip=} from a check setting such as {@code skip=A,B;error=true}. */
    private static List<String> skippedChecks(String setting) {
        for (String part : setting.split(";")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("skip")) {
                String names = pair[1].strip().split("\\s", 2)[0];
                return ids(names);
            }
        }
        return List.of();
    }

    private static List<String> ids(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }
}
