package dev.portcullis.triage.collect;

import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.npm.NpmProperties;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.lint.shell.Command;
import dev.portcullis.lint.shell.ShellTokenizer;
import dev.portcullis.match.Finding;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceCollector;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges image tooling: npm packages that belong to a package manager's own install (npm, yarn,
 * corepack), which the npm cataloger marks {@code tooling=true}. When the image's entrypoint and
 * command never run a package manager, their code is NOT_AFFECTED (vulnerable_code_not_in_execute_path),
 * with the entrypoint and command as evidence.
 *
 * <p>The check reads the words of the entrypoint and command, and the commands inside a
 * {@code sh -c} script. A script file it cannot read (for example {@code docker-entrypoint.sh}) may
 * run anything, so it then proposes no verdict and records why.
 */
public final class ToolingCollector implements EvidenceCollector {

    static final Set<String> PACKAGE_MANAGERS = Set.of("npm", "npx", "yarn", "yarnpkg", "corepack", "pnpm", "pnpx");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh");

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        if (finding.pkg().type() != PackageType.NPM
                || !"true".equals(finding.pkg().properties().get(NpmProperties.TOOLING))) {
            return List.of();
        }
        if (!context.configKnown()) {
            return List.of(Observation.fact(Evidence.of(EvidenceKind.ABSENT, "image config", "unknown whether the"
                    + " entrypoint or command runs a package manager, because no image config was given",
                    Map.of("config", "unknown"))));
        }
        ImageConfig config = context.config();
        List<String> words = new ArrayList<>(config.entrypoint());
        words.addAll(config.cmd());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("entrypoint", config.entrypoint().toString());
        details.put("cmd", config.cmd().toString());
        if (words.isEmpty()) {
            return List.of(Observation.fact(Evidence.of(EvidenceKind.IMAGE_CONFIG, "image config",
                    "the image names no entrypoint or command, so what runs is decided at deployment", details)));
        }
        Optional<String> runner = packageManagerRun(words);
        if (runner.isPresent()) {
            return List.of(Observation.fact(Evidence.of(EvidenceKind.IMAGE_CONFIG, "image config",
                    "the entrypoint and command run " + runner.get() + ", so the package manager's code runs", details)));
        }
        Optional<String> script = opaqueScript(words);
        if (script.isPresent()) {
            return List.of(Observation.fact(Evidence.of(EvidenceKind.IMAGE_CONFIG, "image config",
                    "the entrypoint runs script " + script.get() + ", whose commands were not read", details)));
        }
        Evidence evidence = Evidence.of(EvidenceKind.IMAGE_CONFIG, "image config", "entrypoint "
                + config.entrypoint() + " and command " + config.cmd() + " never run npm, yarn or corepack", details);
        return List.of(Observation.verdict(new Verdict.NotAffected(Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
                finding.pkg().name() + " belongs to the image's package-manager tooling, which the entrypoint and"
                        + " command never run"), evidence));
    }

    /** Returns the package manager that the words run, directly or in a {@code sh -c} script. */
    static Optional<String> packageManagerRun(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String name = baseName(words.get(i));
            if (PACKAGE_MANAGERS.contains(name)) {
                return Optional.of(name);
            }
            if (SHELLS.contains(name) && i + 2 < words.size() && words.get(i + 1).equals("-c")) {
                for (Command command : new ShellTokenizer().tokenize(words.get(i + 2)).commands()) {
                    if (PACKAGE_MANAGERS.contains(baseName(command.name()))) {
                        return Optional.of(baseName(command.name()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> opaqueScript(List<String> words) {
        return words.stream().filter(word -> word.endsWith(".sh")).findFirst();
    }

    private static String baseName(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 ? word.substring(slash + 1) : word;
    }
}
