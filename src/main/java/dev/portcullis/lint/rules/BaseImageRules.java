package dev.portcullis.lint.rules;

import static dev.portcullis.lint.Severity.ERROR;
import static dev.portcullis.lint.Severity.INFO;
import static dev.portcullis.lint.Severity.WARNING;
import static dev.portcullis.lint.rules.RuleBuilder.rule;

import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.Rule;
import dev.portcullis.lint.Violation;
import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Instruction;
import dev.portcullis.lint.dockerfile.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Rules for FROM: base image tags, trusted registries, platforms and stage names. */
final class BaseImageRules {

    private BaseImageRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("PC-D006", "DL3006", null, WARNING, "Tag the base image with a version so builds are repeatable")
                        .whole(BaseImageRules::untagged),
                rule("PC-D007", "DL3007", null, WARNING, "Do not use the latest tag; pin the base image to a version")
                        .whole((file, config) -> file.stages().stream()
                                .filter(stage -> stage.baseImage().map(ImageReference::parse)
                                        .map(reference -> reference.tag().equals("latest") && !reference.digest()).orElse(false))
                                .map(stage -> Violation.at(stage.from())).toList()),
                rule("PC-D026", "DL3026", "4.2", ERROR, "Use images only from the trusted registries")
                        .whole(BaseImageRules::untrustedRegistry),
                rule("PC-D029", "DL3029", null, WARNING, "Do not hard-code --platform in FROM; use $BUILDPLATFORM or $TARGETPLATFORM")
                        .each("FROM", from -> from.flag("platform").map(platform -> !platform.contains("$")).orElse(false)),
                rule("PC-D063", "DL3063", null, ERROR, "Do not name a stage scratch or context: those names are reserved")
                        .buildkit("ReservedStageName")
                        .each("FROM", from -> stageName(from).map(name -> name.equalsIgnoreCase("scratch")
                                || name.equalsIgnoreCase("context")).orElse(false)),
                rule("PC-D065", "DL3065", null, INFO, "FROM --platform=$TARGETPLATFORM is the default; remove it")
                        .buildkit("RedundantTargetPlatform")
                        .each("FROM", from -> from.flag("platform").map(platform -> platform.equals("$TARGETPLATFORM")
                                || platform.equals("${TARGETPLATFORM}")).orElse(false)),
                rule("PC-D024", "DL3024", null, ERROR, "Stage names must be unique")
                        .buildkit("DuplicateStageName")
                        .whole(BaseImageRules::duplicateNames),
                rule("PC-D061", "DL3061", null, ERROR, "Start the Dockerfile with FROM, ARG or a comment")
                        .whole(BaseImageRules::instructionBeforeFrom),
                rule("PC-D400", "DL4000", null, ERROR, "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors")
                        .buildkit("MaintainerDeprecated")
                        .each("MAINTAINER", maintainer -> true));
    }

    private static Optional<String> stageName(Instruction from) {
        List<String> arguments = from.arguments();
        return arguments.size() >= 3 && arguments.get(1).equalsIgnoreCase("AS") ? Optional.of(arguments.get(2)) : Optional.empty();
    }

    private static List<Violation> untagged(Dockerfile dockerfile, LintConfig config) {
        List<Violation> found = new ArrayList<>();
        Set<String> earlierNames = new HashSet<>();
        for (Stage stage : dockerfile.stages()) {
            if (stage.from() != null) {
                Optional<String> image = stage.baseImage();
                if (image.isPresent() && !image.get().equals("scratch") && !image.get().contains("$")
                        && !earlierNames.contains(image.get().toLowerCase(Locale.ROOT))) {
                    ImageReference reference = ImageReference.parse(image.get());
                    if (reference.tag().isEmpty() && !reference.digest()) {
                        found.add(Violation.at(stage.from(), "Tag the base image " + image.get()
                                + " with a version so builds are repeatable"));
                    }
                }
            }
            stage.name().ifPresent(name -> earlierNames.add(name.toLowerCase(Locale.ROOT)));
        }
        return found;
    }

    private static List<Violation> untrustedRegistry(Dockerfile dockerfile, LintConfig config) {
        List<String> allowed = config.trustedRegistries();
        List<Violation> found = new ArrayList<>();
        if (allowed.isEmpty()) {
            return found;
        }
        Set<String> names = new HashSet<>(dockerfile.stageNames());
        for (Instruction instruction : dockerfile.effectiveInstructions()) {
            List<String> images = new ArrayList<>();
            if (instruction.is("FROM") && !instruction.onbuild()) {
                dockerfile.stages().stream().filter(stage -> stage.from() == instruction).findFirst()
                        .flatMap(Stage::baseImage).ifPresent(images::add);
            } else if (instruction.is("COPY") || instruction.is("ADD")) {
                instruction.flag("from").ifPresent(images::add);
            } else if (instruction.is("RUN")) {
                for (String mount : instruction.flags("mount")) {
                    for (String option : mount.split(",")) {
                        if (option.startsWith("from=")) {
                            images.add(option.substring(5));
                        }
                    }
                }
            }
            for (String image : images) {
                if (image.equals("scratch") || image.contains("$") || image.matches("\\d+")
                        || names.contains(image.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (!ImageReference.parse(image).allowedBy(allowed)) {
                    found.add(Violation.at(instruction, "Image " + image + " comes from "
                            + ImageReference.parse(image).registry() + ", which is not a trusted registry"));
                }
            }
        }
        return found;
    }

    private static List<Violation> duplicateNames(Dockerfile dockerfile, LintConfig config) {
        List<Violation> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Stage stage : dockerfile.stages()) {
            stage.name().ifPresent(name -> {
                if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                    found.add(Violation.at(stage.from(), "Stage name " + name + " is already used by an earlier stage"));
                }
            });
        }
        return found;
    }

    private static List<Violation> instructionBeforeFrom(Dockerfile dockerfile, LintConfig config) {
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction.is("FROM")) {
                return List.of();
            }
            if (!instruction.is("ARG")) {
                return List.of(Violation.at(instruction, instruction.keyword() + " before the first FROM; start with FROM or ARG"));
            }
        }
        return List.of();
    }
}
