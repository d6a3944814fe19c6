package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.STYLE;
import static dev.portcullis.lint.Severity.WARNING;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.Violation;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.SourceRange;
import dev.portcullis.lint.shell.ShellLexer;
import dev.portcullis.lint.shell.ShellSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules with the meaning of BuildKit's {@code docker build --check} warnings that Hadolint lacks:
 * instruction casing, the legacy {@code ENV key value} form, EXPOSE formats, empty continuation lines
 * and ARGs used in FROM.
 *
 * @see <a href="https://docs.docker.com/reference/build-checks/">Build checks</a>
 */
final class BuildCheckRules {

    private static final Set<String> AUTOMATIC_PLATFORM_ARGS = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH",
            "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    /** An image reference: name parts, an optional tag and an optional digest. */
    private static final Pattern VALID_REFERENCE = Pattern.compile(
            "^[a-zA-Z0-9][a-zA-Z0-9._-]*(:[0-9]+)?(/[a-z0-9][a-z0-9._-]*)*(:[\\w][\\w.-]{0,127})?(@[a-z0-9]+:[a-fA-F0-9]+)?$");

    private BuildCheckRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D910", null, null, WARNING, "Stage names should be lower case")
                        .buildkit("StageNameCasing")
                        .each("FROM", from -> stageName(from).map(name -> !name.equals(name.toLowerCase(Locale.ROOT))).orElse(false)),
                rule("PC-D911", null, null, WARNING, "Write AS in the same case as FROM")
                        .buildkit("FromAsCasing")
                        .each("FROM", BuildCheckRules::asCasingDiffers),
                rule("PC-D912", null, null, WARNING, "Write all instruction keywords in the same case, upper or lower")
                        .buildkit("ConsistentInstructionCasing")
                        .whole(BuildCheckRules::inconsistentCasing),
                rule("PC-D913", null, null, WARNING, "Use ENV and LABEL in the key=value form; the space-separated form is deprecated")
                        .buildkit("LegacyKeyValueFormat")
                        .whole((file, config) -> file.effectiveInstructions().stream()
                                .filter(instruction -> instruction.is("ENV") || instruction.is("LABEL"))
                                .filter(instruction -> instruction.arguments().size() == 3 && instruction.arguments().get(2).isEmpty())
                                .map(Violation::at).toList()),
                rule("PC-D914", null, null, STYLE, "Write the EXPOSE protocol in lower case")
                        .buildkit("ExposeProtoCasing")
                        .whole((file, config) -> eachPort(file, port -> port.contains("/")
                                && !port.substring(port.indexOf('/')).equals(port.substring(port.indexOf('/')).toLowerCase(Locale.ROOT)))),
                rule("PC-D915", null, null, WARNING, "EXPOSE takes a container port, not an IP address or a host port mapping")
                        .buildkit("ExposeInvalidFormat")
                        .whole((file, config) -> eachPort(file, port -> port.contains(":"))),
                rule("PC-D916", null, null, WARNING, "Remove empty lines inside a line continuation; future versions reject them")
                        .buildkit("NoEmptyContinuation")
                        .whole(BuildCheckRules::emptyContinuations),
                rule("PC-D917", null, null, WARNING, "FROM uses a variable that no ARG before the first FROM declares")
                        .buildkit("UndefinedArgInFrom")
                        .whole(BuildCheckRules::undeclaredInFrom),
                rule("PC-D918", null, null, WARNING, "An ARG used in FROM needs a default value, or FROM is empty without --build-arg")
                        .buildkit("InvalidDefaultArgInFrom")
                        .whole(BuildCheckRules::invalidWithDefaults));
    }

    private static Optional<String> stageName(Instruction from) {
        List<String> arguments = from.arguments();
        return arguments.size() >= 3 && arguments.get(1).equalsIgnoreCase("AS")
                ? Optional.of(arguments.get(2)) : Optional.empty();
    }

    private static boolean asCasingDiffers(Instruction from) {
        List<String> arguments = from.arguments();
        if (arguments.size() < 3 || !arguments.get(1).equalsIgnoreCase("AS")) {
            return false;
        }
        String keyword = from.node().keyword();
        String as = arguments.get(1);
        boolean upper = keyword.equals(keyword.toUpperCase(Locale.ROOT));
        boolean lower = keyword.equals(keyword.toLowerCase(Locale.ROOT));
        return upper && !as.equals("AS") || lower && !as.equals("as");
    }

    private static List<Violation> inconsistentCasing(Dockerfile dockerfile, LintConfig config) {
        int upper = 0;
        int lower = 0;
        for (Instruction instruction : dockerfile.instructions()) {
            String keyword = instruction.node().keyword();
            if (keyword.equals(keyword.toUpperCase(Locale.ROOT))) {
                upper++;
            } else if (keyword.equals(keyword.toLowerCase(Locale.ROOT))) {
                lower++;
            }
        }
        boolean majorityLower = lower > upper;
        List<Violation> found = new ArrayList<>();
        for (Instruction instruction : dockerfile.instructions()) {
            String keyword = instruction.node().keyword();
            String expected = majorityLower ? keyword.toLowerCase(Locale.ROOT) : keyword.toUpperCase(Locale.ROOT);
            if (!keyword.equals(expected)) {
                found.add(Violation.at(instruction, "Write " + keyword + " as " + expected + ", like most instructions in the file"));
            }
        }
        return found;
    }

    private static List<Violation> eachPort(Dockerfile dockerfile, java.util.function.Predicate<String> violates) {
        List<Violation> found = new ArrayList<>();
        for (Instruction expose : dockerfile.effectiveInstructions()) {
            if (!expose.is("EXPOSE")) {
                continue;
            }
            for (String port : expose.arguments()) {
                if (violates.test(port)) {
                    found.add(Violation.at(expose, "EXPOSE " + port + ": " + "invalid port format"));
                }
            }
        }
        return found;
    }

    private static List<Violation> emptyContinuations(Dockerfile dockerfile, LintConfig config) {
        List<Violation> found = new ArrayList<>();
        for (Instruction instruction : dockerfile.instructions()) {
            SourceRange range = instruction.range();
            if (!instruction.heredocs().isEmpty() || instruction.effective() != instruction && !instruction.effective().heredocs().isEmpty()) {
                continue;
            }
            boolean blankSeen = false;
            for (int line = range.startLine() + 1; line <= range.endLine() && line <= dockerfile.lines().size(); line++) {
                String text = dockerfile.lines().get(line - 1);
                if (text.isBlank()) {
                    blankSeen = true;
                } else if (blankSeen && !text.stripLeading().startsWith("#")) {
                    found.add(new Violation(SourceRange.at(line, 1), null));
                    blankSeen = false;
                }
            }
        }
        return found;
    }

    /** Reports variables in FROM that no ARG before the first FROM declares. */
    private static List<Violation> undeclaredInFrom(Dockerfile dockerfile, LintConfig config) {
        Map<String, String> declared = globalDefaults(dockerfile);
        List<Violation> found = new ArrayList<>();
        for (Instruction from : froms(dockerfile)) {
            String text = String.join(" ", from.node().flags()) + " " + from.arguments().getFirst();
            Matcher match = VARIABLE.matcher(text);
            while (match.find()) {
                String name = match.group(1);
                if (!declared.containsKey(name) && !AUTOMATIC_PLATFORM_ARGS.contains(name)) {
                    found.add(Violation.at(from, "FROM uses $" + name + ", which no ARG before the first FROM declares"));
                }
            }
        }
        return found;
    }

    /** Reports FROM lines whose image is empty or invalid when every ARG takes its default. */
    private static List<Violation> invalidWithDefaults(Dockerfile dockerfile, LintConfig config) {
        Map<String, String> defaults = globalDefaults(dockerfile);
        List<Violation> found = new ArrayList<>();
        for (Instruction from : froms(dockerfile)) {
            String image = from.arguments().getFirst();
            if (!image.contains("$")) {
                continue;
            }
            String expanded;
            try {
                expanded = ShellLexer.standard(dockerfile.directives().escape())
                        .process(image, name -> Optional.ofNullable(defaults.get(name)));
            } catch (ShellSyntaxException e) {
                expanded = "";
            }
            if (!VALID_REFERENCE.matcher(expanded).matches()) {
                found.add(Violation.at(from, "FROM " + image + " gives the invalid image reference \"" + expanded
                        + "\" with the ARG defaults; give the ARG a default value"));
            }
        }
        return found;
    }

    private static List<Instruction> froms(Dockerfile dockerfile) {
        return dockerfile.instructions().stream().filter(instruction -> instruction.is("FROM") && !instruction.arguments().isEmpty())
                .toList();
    }

    /** Returns the ARGs declared before the first FROM with their defaults, an empty string for none. */
    private static Map<String, String> globalDefaults(Dockerfile dockerfile) {
        Map<String, String> declared = new HashMap<>();
        for (Instruction arg : dockerfile.globalArgs()) {
            for (String word : arg.arguments()) {
                int equals = word.indexOf('=');
                declared.put(equals < 0 ? word : word.substring(0, equals), equals < 0 ? "" : StageScope.unquote(word.substring(equals + 1)));
            }
        }
        return declared;
    }
}
