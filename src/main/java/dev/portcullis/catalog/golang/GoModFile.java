package dev.portcullis.catalog.golang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code require} and {@code replace} directives of a {@code go.mod} file, single-line or in
 * parenthesized blocks.
 *
 * <pre>
 * module example.com/app
 * require (
 *     github.com/bmatcuk/doublestar v1.3.1
 *     golang.org/x/net v0.17.0 // indirect
 * )
 * replace golang.org/x/net => golang.org/x/net v0.23.0
 * </pre>
 *
 * @param requirements the required modules, each with the replacement that applies to it, or none
 * @see <a href="https://go.dev/ref/mod#go-mod-file">go.mod files</a>
 */
record GoModFile(String module, List<GoModule> requirements) {

    static GoModFile parse(String text) {
        String module = null;
        List<String[]> requires = new ArrayList<>();
        Map<String, GoModule> replaces = new HashMap<>();
        String block = null;
        for (String raw : text.split("\n")) {
            String line = withoutComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (block != null) {
                if (line.equals(")")) {
                    block = null;
                } else {
                    directive(block, line, requires, replaces);
                }
                continue;
            }
            String[] words = line.split("\\s+", 2);
            if (words.length == 2 && words[1].equals("(")) {
                block = words[0];
            } else if (words[0].equals("module") && words.length == 2) {
                module = unquote(words[1]);
            } else if (words.length == 2) {
                directive(words[0], words[1], requires, replaces);
            }
        }
        List<GoModule> requirements = new ArrayList<>();
        for (String[] require : requires) {
            GoModule replacement = replaces.getOrDefault(require[0] + "@" + require[1], replaces.get(require[0]));
            requirements.add(new GoModule(require[0], require[1], "", replacement));
        }
        return new GoModFile(module, List.copyOf(requirements));
    }

    private static void directive(
            String verb, String arguments, List<String[]> requires, Map<String, GoModule> replaces) {
        if (verb.equals("require")) {
            String[] words = arguments.split("\\s+");
            if (words.length >= 2) {
                requires.add(new String[] {unquote(words[0]), words[1]});
            }
        } else if (verb.equals("replace") && arguments.contains("=>")) {
            String[] old = arguments.substring(0, arguments.indexOf("=>")).strip().split("\\s+");
            String[] target = arguments.substring(arguments.indexOf("=>") + 2).strip().split("\\s+");
            String key = old.length > 1 ? unquote(old[0]) + "@" + old[1] : unquote(old[0]);
            replaces.put(key, new GoModule(unquote(target[0]), target.length > 1 ? target[1] : "", "", null));
        }
    }

    private static String withoutComment(String line) {
        int comment = line.indexOf("//");
        return comment < 0 ? line : line.substring(0, comment);
    }

    private static String unquote(String word) {
        boolean quoted = word.length() >= 2 && (word.startsWith("\"") || word.startsWith("`"));
        return quoted ? word.substring(1, word.length() - 1) : word;
    }
}
