package dev.portcullis.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tags of the official Docker Hub images in {@link ImageFamily}. Their tags share one
 * shape: dash-separated words, the first being the runtime version or alias, the rest variants
 * ({@code slim}, {@code jre}) and a distro word ({@code bookworm}, {@code jammy}, {@code alpine3.20}).
 * Distro images put the release first ({@code debian:12.7}, {@code ubuntu:jammy-20240808}).
 *
 * <pre>{@code
 * python:3.12-slim-bookworm   -> runtime "3.12", variants [slim], distro debian "bookworm"
 * eclipse-temurin:21-jre-jammy -> runtime "21", variants [jre], distro ubuntu "jammy"
 * nginx:1.27-alpine           -> runtime "1.27", variants [alpine], distro alpine, release not pinned
 * }</pre>
 */
public final class TagGrammar {

    // NOTE: codenames as of 2026. A new release's codename must be added here before its tags are read
    // as that distro; the release dates themselves come from the lifecycle data.
    private static final Set<String> DEBIAN_CODENAMES = Set.of("buster", "bullseye", "bookworm", "trixie", "forky", "duke",
            "stretch", "jessie", "sid");
    private static final Set<String> DEBIAN_SUITES = Set.of("stable", "oldstable", "oldoldstable", "testing", "unstable");
    private static final Set<String> UBUNTU_CODENAMES = Set.of("trusty", "xenial", "bionic", "focal", "jammy", "kinetic",
            "lunar", "mantic", "noble", "oracular", "plucky", "questing", "resolute", "rolling", "devel");
    private static final Pattern ALPINE_WORD = Pattern.compile("alpine(\\d+\\.\\d+)?");
    private static final Pattern WINDOWS_WORD = Pattern.compile("(windowsservercore|nanoserver)(-.*)?");
    /** Google's distroless images name runtime and Debian release in the image, for example nodejs20-debian12. */
    private static final Pattern DISTROLESS_NAME = Pattern.compile("distroless/([a-z-]+?)(\\d*)-debian(\\d+)");

    /** Reads the tag of a reference; an image outside {@link ImageFamily} or without a tag is unknown. */
    public BaseImageTag read(ImageReference reference) {
        Matcher distroless = DISTROLESS_NAME.matcher(reference.repository());
        if (reference.registry().equals("gcr.io") && distroless.matches()) {
            return readDistroless(reference, distroless.group(1), distroless.group(2), distroless.group(3));
        }
        String name = reference.officialName();
        Optional<ImageFamily> family = name == null ? Optional.empty() : ImageFamily.byImageName(name);
        if (family.isEmpty() || reference.tag() == null) {
            return BaseImageTag.unknown(reference);
        }
        List<String> words = List.of(reference.tag().split("-"));
        return family.get().isDistro() ? readDistroTag(reference, family.get(), words) : readRuntimeTag(reference, family.get(), words);
    }

    private static BaseImageTag readRuntimeTag(ImageReference reference, ImageFamily family, List<String> words) {
        String distro = family.defaultDistro();
        String release = null;
        List<String> variants = new ArrayList<>();
        for (String word : words.subList(1, words.size())) {
            Matcher alpine = ALPINE_WORD.matcher(word);
            if (alpine.matches()) {
                variants.add("alpine");
                distro = "alpine";
                release = alpine.group(1);
            } else if (DEBIAN_CODENAMES.contains(word)) {
                distro = "debian";
                release = word;
            } else if (UBUNTU_CODENAMES.contains(word)) {
                distro = "ubuntu";
                release = word;
            } else if (WINDOWS_WORD.matcher(word).matches()) {
                variants.add(word);
                distro = "windows";
            } else if (word.matches("ubi\\d+")) {
                distro = "ubi";
                release = word.substring(3);
            } else {
                variants.add(word);
            }
        }
        return new BaseImageTag(reference, family, words.getFirst(), variants, distro, release);
    }

    /**
     * Reads a distroless image: {@code nodejs20-debian12} is Node.js line 20 on Debian 12, and the tag
     * ({@code latest}, {@code nonroot}, {@code debug}) only selects a variant. Other runtimes in
     * distroless images come from Debian's own packages, so only the distro is judged for them.
     */
    private static BaseImageTag readDistroless(ImageReference reference, String runtime, String line, String release) {
        List<String> variants = new ArrayList<>(List.of("distroless"));
        if (reference.tag() != null && !reference.tag().equals("latest")) {
            variants.addAll(List.of(reference.tag().split("-")));
        }
        if (runtime.equals("nodejs") && !line.isEmpty()) {
            return new BaseImageTag(reference, ImageFamily.NODE, line, variants, "debian", release);
        }
        return new BaseImageTag(reference, ImageFamily.DEBIAN, null, variants, "debian", release);
    }

    private static BaseImageTag readDistroTag(ImageReference reference, ImageFamily family, List<String> words) {
        String first = words.getFirst();
        String release = first.equals("latest") || DEBIAN_SUITES.contains(first) || first.equals("edge") ? null : first;
        List<String> variants = new ArrayList<>(words.subList(1, words.size()));
        return new BaseImageTag(reference, family, null, variants, family.defaultDistro(), release);
    }
}
