package dev.portcullis.report.overview;

import dev.portcullis.image.ImageConfig;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks what the build does, from the Dockerfile's final stage and the image config: base image,
 * upgrade step, slim base, multi-stage build, non-root user, init process and health check. A check the
 * inputs cannot answer is {@link CheckStatus#UNKNOWN}, never passed.
 */
final class BuildChecks {

    private static final List<String> SLIM_MARKERS = List.of("slim", "alpine", "distroless", "scratch", "chainguard",
            "minimal", "micro");
    private static final List<String> UPGRADE_COMMANDS = List.of("apt-get upgrade", "apt-get dist-upgrade",
            "apt upgrade", "apk upgrade", "dnf upgrade", "yum update", "microdnf update");
    private static final List<String> INIT_PROGRAMS = List.of("tini", "dumb-init", "catatonit", "s6-svscan", "init");

    private BuildChecks() {}

    static List<Check> of(Dockerfile dockerfile, ImageConfig config, PackageManager packageManager) {
        Optional<Stage> last = dockerfile == null ? Optional.empty() : dockerfile.finalStage();
        List<Check> checks = new ArrayList<>();
        checks.add(baseImage(dockerfile, last));
        checks.add(upgradeStep(dockerfile, last, packageManager));
        checks.add(slimBase(dockerfile, last));
        checks.add(multiStage(dockerfile));
        checks.add(nonRootUser(config));
        checks.add(initProcess(config));
        checks.add(healthCheck(dockerfile, last, config));
        return checks;
    }

    private static Check baseImage(Dockerfile dockerfile, Optional<Stage> last) {
        if (last.isEmpty()) {
            return new Check("base image known", CheckStatus.UNKNOWN, "no Dockerfile given (--dockerfile)", null);
        }
        Stage stage = last.get();
        return new Check("base image known", CheckStatus.PASSED, "FROM " + stage.baseImage().orElse("(unknown)") + " at "
                + line(dockerfile, stage.from()) + "; its support status is under Base image", null);
    }

    private static Check upgradeStep(Dockerfile dockerfile, Optional<Stage> last, PackageManager packageManager) {
        if (last.isEmpty()) {
            return new Check("packages upgraded at build", CheckStatus.UNKNOWN, "no Dockerfile given (--dockerfile)",
                    null);
        }
        for (Instruction instruction : last.get().effectiveInstructions()) {
            String text = instruction.text().replaceAll("\\s+", " ");
            if (instruction.is("RUN") && UPGRADE_COMMANDS.stream().anyMatch(text::contains)) {
                return new Check("packages upgraded at build", CheckStatus.PASSED, "RUN " + text + " at "
                        + line(dockerfile, instruction), null);
            }
        }
        if (packageManager == PackageManager.NONE) {
            return new Check("packages upgraded at build", CheckStatus.UNKNOWN, "the final image has no package"
                    + " manager, so its packages change only when it is rebuilt on a newer base digest", null);
        }
        return new Check("packages upgraded at build", CheckStatus.FAILED, "the final stage of " + dockerfile.file()
                + " runs no package upgrade", packageManager.advice());
    }

    private static Check slimBase(Dockerfile dockerfile, Optional<Stage> last) {
        Optional<String> base = last.flatMap(Stage::baseImage);
        if (base.isEmpty()) {
            return new Check("slim base image", CheckStatus.UNKNOWN, "no Dockerfile given (--dockerfile)", null);
        }
        String name = base.get().toLowerCase(Locale.ROOT);
        boolean slim = SLIM_MARKERS.stream().anyMatch(name::contains);
        return new Check("slim base image", slim ? CheckStatus.PASSED : CheckStatus.FAILED,
                "FROM " + base.get() + " at " + line(dockerfile, last.get().from()),
                slim ? null : "build on a -slim, alpine or distroless variant of the base");
    }

    private static Check multiStage(Dockerfile dockerfile) {
        if (dockerfile == null) {
            return new Check("multi-stage build", CheckStatus.UNKNOWN, "no Dockerfile given (--dockerfile)", null);
        }
        int stages = dockerfile.stages().size();
        return new Check("multi-stage build", stages > 1 ? CheckStatus.PASSED : CheckStatus.FAILED,
                dockerfile.file() + " has " + stages + (stages == 1 ? " stage" : " stages"),
                stages > 1 ? null : "build in one stage and copy only the output into a runtime stage");
    }

    private static Check nonRootUser(ImageConfig config) {
        String user = config.user() == null ? "" : config.user().strip();
        boolean root = user.isEmpty() || user.equals("root") || user.equals("0") || user.startsWith("0:")
                || user.startsWith("root:");
        return new Check("non-root user", root ? CheckStatus.FAILED : CheckStatus.PASSED,
                "image config User is " + (user.isEmpty() ? "not set (root)" : "'" + user + "'"),
                root ? "add USER with a non-root user to the final stage, or run with --user 1000:1000" : null);
    }

    private static Check initProcess(ImageConfig config) {
        List<String> entrypoint = config.entrypoint() == null ? List.of() : config.entrypoint();
        String first = entrypoint.isEmpty() ? "" : entrypoint.getFirst();
        String program = first.substring(first.lastIndexOf('/') + 1);
        boolean init = INIT_PROGRAMS.contains(program);
        return new Check("init process", init ? CheckStatus.PASSED : CheckStatus.FAILED,
                "image config Entrypoint is " + (entrypoint.isEmpty() ? "not set" : entrypoint),
                init ? null : "run with docker run --init or compose init: true, or start through tini");
    }

    private static Check healthCheck(Dockerfile dockerfile, Optional<Stage> last, ImageConfig config) {
        if (config.healthcheck() != null && !config.healthcheck().test().isEmpty()
                && !config.healthcheck().test().getFirst().equals("NONE")) {
            return new Check("health check", CheckStatus.PASSED, "image config Healthcheck is "
                    + config.healthcheck().test(), null);
        }
        Optional<Instruction> declared = last.flatMap(stage -> stage.effectiveInstructions().stream()
                .filter(instruction -> instruction.is("HEALTHCHECK")).findFirst());
        if (declared.isPresent()) {
            return new Check("health check", CheckStatus.PASSED, "HEALTHCHECK " + declared.get().text() + " at "
                    + line(dockerfile, declared.get()), null);
        }
        return new Check("health check", CheckStatus.FAILED, "the image config has no Healthcheck",
                "add HEALTHCHECK to the final stage, or healthcheck: to the compose service");
    }

    private static String line(Dockerfile dockerfile, Instruction instruction) {
        return dockerfile.file() + ":" + instruction.range().startLine();
    }
}
