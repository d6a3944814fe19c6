package dev.portcullis.base;

import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.ProductRelease;
import dev.portcullis.vulndb.ReleaseCycle;
import dev.portcullis.vulndb.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a runtime version against the lifecycle data: its line's phase, newer patches of the line,
 * the security releases and advisories fixed since, and the lines to move to.
 *
 * <pre>{@code
 * assess(NODE, "20.18.0", 2026-12-04) -> line 20 END_OF_LIFE since 2026-04-30, newest 20.20.2 (security),
 *     20 advisories fixed since, supported lines 22, 24, 26
 * }</pre>
 */
final class RuntimeAssessor {

    private static final Set<String> FLOATING_ALIASES = Set.of("latest", "current", "lts");

    private final LifecycleCatalog catalog;

    RuntimeAssessor(LifecycleCatalog catalog) {
        this.catalog = catalog;
    }

    RuntimeAssessment assess(ImageFamily family, String version, LocalDate asOf, List<String> notes) {
        String product = family.runtimeProduct();
        List<ReleaseCycle> cycles = catalog.cycles(product);
        if (cycles.isEmpty()) {
            notes.add("no lifecycle data for " + product + "; import it with `portcullis db import` (endoflife.date product file)");
            return new RuntimeAssessment(product, version, null, null, null, List.of(), List.of(), List.of(), false);
        }

        List<LineStatus> supported = cycles.stream()
                .map(cycle -> LineStatus.of(cycle, SupportPhase.ofRuntime(cycle, asOf)))
                .filter(status -> status.phase().isSupported())
                .toList();
        String pinned = DottedVersion.isVersion(version) && DottedVersion.numbers(version).length >= family.patchDepth()
                ? version : null;
        Optional<ReleaseCycle> cycle = resolveLine(family, version, cycles, asOf, notes);
        if (cycle.isEmpty()) {
            return new RuntimeAssessment(product, version, pinned, null, null, List.of(), List.of(), supported, false);
        }

        LineStatus line = LineStatus.of(cycle.get(), SupportPhase.ofRuntime(cycle.get(), asOf));
        List<PatchRelease> patches = patchesOf(product, cycle.get(), family, asOf);
        PatchRelease newest = patches.isEmpty()
                ? Optional.ofNullable(cycle.get().latest()).map(latest -> new PatchRelease(latest, null, null)).orElse(null)
                : patches.getLast();
        if (pinned == null) {
            // The aliases latest, current and lts already have their note from resolveLine.
            if (DottedVersion.isVersion(version) || !FLOATING_ALIASES.contains(version)) {
                notes.add("the tag " + version + " floats within " + product + " " + cycle.get().cycle()
                        + "; a rebuild pulls the newest patch of the line");
            }
            return new RuntimeAssessment(product, version, null, line, newest, List.of(), List.of(), supported, false);
        }

        List<PatchRelease> securitySince = patches.stream()
                .filter(patch -> DottedVersion.ORDER.compare(patch.version(), pinned) > 0)
                .filter(patch -> Boolean.TRUE.equals(patch.security()))
                .toList();
        List<FixedAdvisory> advisories = product.equals("nodejs") ? nodeAdvisoriesFixedSince(pinned, family, patches) : List.of();
        boolean outdated = newest != null && DottedVersion.ORDER.compare(newest.version(), pinned) > 0;
        return new RuntimeAssessment(product, version, pinned, line, newest, securitySince, advisories, supported, outdated);
    }

    private Optional<ReleaseCycle> resolveLine(ImageFamily family, String version, List<ReleaseCycle> cycles, LocalDate asOf,
            List<String> notes) {
        String product = family.runtimeProduct();
        Optional<ReleaseCycle> found;
        if (DottedVersion.isVersion(version)) {
            found = catalog.line(product, DottedVersion.line(version, family.lineDepth()));
        } else if (version.equals("latest") || version.equals("current")) {
            found = cycles.stream().filter(cycle -> SupportPhase.ofRuntime(cycle, asOf).isSupported()).reduce((a, b) -> b);
            found.ifPresent(cycle -> notes.add("the tag " + version + " is read as the newest released line on " + asOf
                    + " (" + product + " " + cycle.cycle() + "); the image may have been built from an older one"));
        } else if (version.equals("lts")) {
            found = cycles.stream().filter(cycle -> SupportPhase.ofRuntime(cycle, asOf) == SupportPhase.ACTIVE_LTS).reduce((a, b) -> b);
            found.ifPresent(cycle -> notes.add("the tag lts is read as the active LTS line on " + asOf + " (" + product + " "
                    + cycle.cycle() + "); the image may have been built from an older one"));
        } else {
            found = catalog.line(product, version);
        }
        if (found.isEmpty()) {
            notes.add("the lifecycle data has no " + product + " line for " + version);
        }
        return found;
    }

    /** Returns the releases of the line published by the date, oldest first. */
    private List<PatchRelease> patchesOf(String product, ReleaseCycle cycle, ImageFamily family, LocalDate asOf) {
        return catalog.releases(product).stream()
                .filter(release -> DottedVersion.line(release.version(), family.lineDepth()).equals(cycle.cycle()))
                .filter(release -> release.released() == null || !release.released().isAfter(asOf))
                .sorted(Comparator.comparing(ProductRelease::version, DottedVersion.ORDER))
                .map(release -> new PatchRelease(release.version(), release.released(), release.security()))
                .toList();
    }

    /**
     * Finds the Node.js advisories with a fixed version in the pinned version's line above it. A fix
     * that the versions index dates after the date of the check is left out, so the result is as of that date.
     */
    private List<FixedAdvisory> nodeAdvisoriesFixedSince(String pinned, ImageFamily family, List<PatchRelease> published) {
        String line = DottedVersion.line(pinned, family.lineDepth());
        String newestPublished = published.isEmpty() ? null : published.getLast().version();
        List<FixedAdvisory> result = new ArrayList<>();
        for (Advisory advisory : catalog.nodeAdvisories()) {
            if (advisory.isWithdrawn()) {
                continue;
            }
            for (Affected affected : advisory.affected()) {
                affected.fixedVersions().stream()
                        .filter(fixed -> DottedVersion.line(fixed, family.lineDepth()).equals(line))
                        .filter(fixed -> DottedVersion.ORDER.compare(fixed, pinned) > 0)
                        .filter(fixed -> newestPublished == null || DottedVersion.ORDER.compare(fixed, newestPublished) <= 0)
                        .findFirst()
                        .ifPresent(fixed -> result.add(new FixedAdvisory(advisory.id(), advisory.aliases(), fixed,
                                severityWord(advisory))));
            }
        }
        result.sort(Comparator.comparing(FixedAdvisory::fixedIn, DottedVersion.ORDER)
                .thenComparing(advisory -> advisory.id().length())
                .thenComparing(FixedAdvisory::id));
        return result;
    }

    private static String severityWord(Advisory advisory) {
        return advisory.severities().stream().filter(severity -> "NODEJS".equals(severity.type()))
                .map(Severity::vector).findFirst().orElse(null);
    }
}
