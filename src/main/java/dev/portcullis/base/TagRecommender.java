package dev.portcullis.base;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks, from a repository's tags, the ones to move to that keep the current tag's variants and
 * distro release: the newest patch of the same line, and the newest tag of each newer supported
 * line. Tags must pin as many version numbers as the current one, so {@code 20.18.0-bookworm-slim}
 * leads to other {@code X.Y.Z-bookworm-slim} tags and {@code 20-bookworm-slim} to {@code 22-bookworm-slim}.
 *
 * <pre>{@code
 * current 20.18.0-bookworm-slim, supported lines 22, 24, 26,
 * tags [20.18.0-bookworm-slim, 20.19.0-bookworm-slim, 20.20.2-bookworm-slim, 20.20.2-alpine3.20, 22.12.0-bookworm-slim]
 *   -> [22.12.0-bookworm-slim, 20.20.2-bookworm-slim]
 * }</pre>
 */
final class TagRecommender {

    private final TagGrammar grammar = new TagGrammar();

    /**
     * Returns the recommended tags, newest first, or an empty list with a note saying why none can
     * be chosen.
     *
     * @param runtime the runtime judgement of the current tag, whose supported lines limit the newer
     *     lines; null or without lifecycle data, every newer line counts
     */
    List<String> newerTags(BaseImageTag current, RuntimeAssessment runtime, List<String> tags, List<String> notes) {
        String version = current.runtimeVersion();
        if (!DottedVersion.isVersion(version)) {
            notes.add("the tag " + current.reference().tag() + " names no runtime version, so no newer tag is chosen");
            return List.of();
        }
        ImageFamily family = current.family();
        int depth = DottedVersion.numbers(version).length;
        String line = DottedVersion.line(version, family.lineDepth());
        Set<String> supported = runtime == null ? Set.of()
                : runtime.supportedLines().stream().map(LineStatus::line).collect(Collectors.toSet());

        Map<String, BaseImageTag> newestPerLine = new LinkedHashMap<>();
        for (String tag : tags) {
            BaseImageTag candidate = grammar.read(new ImageReference(current.reference().registry(),
                    current.reference().repository(), tag, null));
            if (!sameVariant(current, candidate) || !DottedVersion.isVersion(candidate.runtimeVersion())
                    || DottedVersion.numbers(candidate.runtimeVersion()).length != depth) {
                continue;
            }
            String candidateVersion = candidate.runtimeVersion();
            String candidateLine = DottedVersion.line(candidateVersion, family.lineDepth());
            boolean newerPatch = candidateLine.equals(line) && DottedVersion.ORDER.compare(candidateVersion, version) > 0;
            boolean newerLine = DottedVersion.ORDER.compare(candidateLine, line) > 0
                    && (supported.isEmpty() || supported.contains(candidateLine));
            if (newerPatch || newerLine) {
                newestPerLine.merge(candidateLine, candidate, TagRecommender::newer);
            }
        }
        List<BaseImageTag> chosen = new ArrayList<>(newestPerLine.values());
        chosen.sort(Comparator.comparing(BaseImageTag::runtimeVersion, DottedVersion.ORDER).reversed());
        return chosen.stream().map(tag -> tag.reference().tag()).toList();
    }

    private static boolean sameVariant(BaseImageTag current, BaseImageTag candidate) {
        return current.family() == candidate.family()
                && current.variants().equals(candidate.variants())
                && Objects.equals(current.distro(), candidate.distro())
                && Objects.equals(current.distroRelease(), candidate.distroRelease());
    }

    private static BaseImageTag newer(BaseImageTag left, BaseImageTag right) {
        return DottedVersion.ORDER.compare(right.runtimeVersion(), left.runtimeVersion()) > 0 ? right : left;
    }
}
