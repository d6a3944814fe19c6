package dev.portcullis.triage.collect;

import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.npm.NpmProperties;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.Stage;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges development dependencies of a project folder scanned with its Dockerfile
 * ({@code --dockerfile}): when the final stage installs with {@code npm ci --omit=dev} (or
 * {@code --production}, {@code --only=production}, {@code yarn install --production},
 * {@code pnpm install --prod}), packages the lockfile marks {@code dev} never reach the image, so
 * they are NOT_AFFECTED (component_not_present), with the Dockerfile line as evidence.
 *
 * <p>The final stage counts because only it becomes the image; a build stage that installs dev
 * dependencies and copies built output over is fine.
 */
public final class DevDependencyCollector implements EvidenceCollector {

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        Dockerfile dockerfile = context.dockerfile();
        if (dockerfile == null || finding.pkg().type() != PackageType.NPM
                || !NpmProperties.SCOPE_DEV.equals(finding.pkg().properties().get(NpmProperties.SCOPE))) {
            return List.of();
        }
        Optional<Stage> last = dockerfile.finalStage();
        Optional<Instruction> install = last.flatMap(DevDependencyCollector::productionInstall);
        if (install.isEmpty()) {
            return List.of(Observation.fact(Evidence.of(EvidenceKind.DOCKERFILE, dockerfile.file(),
                    "the final stage runs no production-only install (npm ci --omit=dev), so dev dependencies"
                            + " may be in the image")));
        }
        int line = install.get().range().startLine();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("file", dockerfile.file());
        details.put("line", Integer.toString(line));
        details.put("instruction", "RUN " + install.get().text());
        Evidence evidence = Evidence.of(EvidenceKind.DOCKERFILE, dockerfile.file() + ":" + line,
                "the final stage installs production dependencies only: RUN " + install.get().text(), details);
        return List.of(Observation.verdict(new Verdict.NotAffected(Justification.COMPONENT_NOT_PRESENT,
                finding.pkg().name() + " is a dev dependency, and the final stage omits dev dependencies"), evidence));
    }

    static Optional<Instruction> productionInstall(Stage stage) {
        for (Instruction instruction : stage.effectiveInstructions()) {
            if (!instruction.is("RUN")) {
                continue;
            }
            for (Command command : new ShellTokenizer().tokenize(instruction.text()).commands()) {
                if (omitsDev(command)) {
                    return Optional.of(instruction);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean omitsDev(Command command) {
        List<String> arguments = command.arguments();
        if (command.is("npm") && !arguments.isEmpty() && List.of("ci", "install", "i").contains(arguments.getFirst())) {
            return arguments.contains("--omit=dev") || arguments.contains("--production")
                    || arguments.contains("--only=production") || arguments.contains("--only=prod")
                    || containsPair(arguments, "--omit", "dev");
        }
        if (command.is("yarn")) {
            return arguments.contains("--production") || arguments.contains("--production=true");
        }
        if (command.is("pnpm")) {
            return arguments.contains("--prod") || arguments.contains("-P");
        }
        return false;
    }

    private static boolean containsPair(List<String> arguments, String flag, String value) {
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals(flag) && arguments.get(i + 1).equals(value)) {
                return true;
            }
        }
        return false;
    }
}
