package dev.portcullis.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import dev.portcullis.lint.dockerfile.ParseException;
import dev.portcullis.lint.rules.RuleCatalog;
import dev.portcullis.lint.shellcheck.ShellCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs Hadolint's own rule cases from {@code ../shared/fixtures/lint/hadolint-cases.tsv}: for each
 * case the rule with the matching Hadolint id must fire ({@code hit}; exactly once in ONBUILD mode) or
 * stay silent ({@code clean}). ShellCheck ({@code SC*}) cases expect any {@code SC} finding or none;
 * they run when {@code shellcheck} is on the PATH and are reported skipped otherwise. Cases where Portcullis decides differently on purpose are listed in {@link #DIFFERENCES}
 * and in docs/rules/differences.md; they must still differ, so a change in behaviour is noticed.
 */
class HadolintCasesTest {

    private static final Path CASES = Path.of("../shared/fixtures/lint/hadolint-cases.tsv");

    /** Test name of each case where we deliberately disagree with Hadolint, with the reason. */
    static final Map<String, String> DIFFERENCES = Map.of(
            "DL3002 warns on multiple stages",
            "only the final stage and the stages it is built FROM decide the user the image runs as; a builder stage"
                    + " that ends as root ships nothing",
            "DL3033 ok with version as arg - different stages",
            "an ARG declared in another stage is not in scope (BuildKit semantics), so the version is empty and the"
                    + " package is unpinned",
            "DL3041 ok with version as arg - different stages",
            "an ARG declared in another stage is not in scope (BuildKit semantics), so the version is empty and the"
                    + " package is unpinned",
            "DL3050 ok with no label",
            "an empty Dockerfile is rejected as unusable input (exit 2), as BuildKit rejects it");

    private static final AtomicInteger AGREED = new AtomicInteger();
    private static final AtomicInteger DIFFERED = new AtomicInteger();
    private static final AtomicInteger SKIPPED = new AtomicInteger();
    private static final List<String> DISAGREEMENTS = new ArrayList<>();

    private static final Optional<ShellCheck> SHELLCHECK = ShellCheck.onPath();

    private final Linter linter = new Linter(RuleCatalog.all(), SHELLCHECK);

    static Stream<Arguments> cases() throws IOException {
        List<String> lines = Files.readAllLines(CASES);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] columns = lines.get(i).split("\t", -1);
            cases.add(Arguments.of(i + 1, columns[0], columns[1], unescape(columns[2]), columns[4], columns[5], columns[6]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "line {0}: {1} {2} {4}")
    @MethodSource("cases")
    void shouldAgreeWithHadolint(int line, String rule, String expect, String dockerfile, String testName, String mode,
            String config) throws Exception {
        boolean shellCheckCase = rule.startsWith("SC");
        if (shellCheckCase && SHELLCHECK.isEmpty()) {
            SKIPPED.incrementAndGet();
            Assumptions.abort("ShellCheck cases need the shellcheck program on the PATH (Debian package shellcheck)");
        }
        String key = rule + " " + expect + " " + testName + (mode.isEmpty() ? "" : " [" + mode + "]");
        Dockerfile parsed;
        try {
            parsed = new DockerfileReader().read("Dockerfile", dockerfile + "\n");
        } catch (ParseException e) {
            assertThat(DIFFERENCES).as("%s: rejected with %s", key, e.getMessage()).containsKey(rule + " " + testName);
            DIFFERED.incrementAndGet();
            return;
        }
        LintConfig lintConfig = config(config).withAllRulesEnabled(RuleCatalog.all().stream().map(Rule::info).toList());
        long fired = linter.lint(parsed, lintConfig).stream()
                .filter(finding -> shellCheckCase ? finding.rule().id().startsWith("SC")
                        : finding.rule().hadolintId().map(rule::equals).orElse(false))
                .count();
        boolean agrees;
        if (expect.equals("clean")) {
            agrees = fired == 0;
        } else if (mode.equals("onbuild") && !shellCheckCase) {
            agrees = fired == 1;
        } else {
            agrees = fired >= 1;
        }
        if (DIFFERENCES.containsKey(rule + " " + testName)) {
            assertThat(agrees).as("listed difference %s now agrees; remove it from the list", key).isFalse();
            DIFFERED.incrementAndGet();
            return;
        }
        if (agrees) {
            AGREED.incrementAndGet();
        } else {
            DISAGREEMENTS.add("line " + line + ": " + key + " fired=" + fired + " :: " + dockerfile.replace("\n", "\\n"));
        }
        assertThat(agrees).as("%s: fired %d times on %s", key, fired, dockerfile).isTrue();
    }

    @AfterAll
    static void printCounts() {
        int run = AGREED.get() + DIFFERED.get() + DISAGREEMENTS.size();
        System.out.printf("Hadolint cases: %d agreed, %d differed on purpose, %d disagreed, %d skipped%s (%.1f%% agreement of %d run)%n",
                AGREED.get(), DIFFERED.get(), DISAGREEMENTS.size(), SKIPPED.get(),
                SKIPPED.get() == 0 ? "" : " because shellcheck is not on the PATH", run == 0 ? 0.0 : 100.0 * AGREED.get() / run, run);
        DISAGREEMENTS.forEach(System.out::println);
        assertThat(run == 0 ? 0.0 : 100.0 * AGREED.get() / run).as("agreement with Hadolint in percent").isGreaterThanOrEqualTo(97.0);
    }

    private static final Pattern REGISTRIES = Pattern.compile("allowedRegistries = \\[([^]]*)]");
    private static final Pattern LABEL = Pattern.compile("\\(\"([^\"]+)\", (?:Rule\\.)?(\\w+)\\)");

    /**
     * Translates the Haskell config column into {@code .portcullis.yaml} text and loads it, so the
     * cases also prove the configuration file can say what they need.
     */
    static LintConfig config(String haskell) throws IOException, LintConfigLoader.InvalidConfigException {
        if (haskell.isEmpty()) {
            return LintConfig.defaults();
        }
        StringBuilder yaml = new StringBuilder("lint:\n");
        Matcher registryList = REGISTRIES.matcher(haskell);
        if (registryList.find()) {
            yaml.append("  trusted-registries:\n");
            for (String item : registryList.group(1).split(",")) {
                yaml.append("    - \"").append(item.strip().replace("\"", "")).append("\"\n");
            }
        }
        Matcher label = LABEL.matcher(haskell);
        if (label.find()) {
            yaml.append("  labels:\n    strict: ").append(haskell.contains("strictLabels = True")).append("\n    required:\n");
            do {
                yaml.append("      ").append(label.group(1)).append(": ").append(label.group(2).toLowerCase(Locale.ROOT)).append('\n');
            } while (label.find());
        }
        Path file = Files.createTempFile("portcullis", ".yaml");
        try {
            Files.writeString(file, yaml);
            return new LintConfigLoader().load(file);
        } finally {
            Files.delete(file);
        }
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    case '\\' -> "\\";
                    default -> "\\" + next;
                });
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
