package dev.portcullis.base;

import dev.portcullis.vulndb.ReleaseCycle;
import dev.portcullis.vulndb.SecuritySupportLimit;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Judges a distro release against the lifecycle data: its phase with the end of regular security
 * support, LTS and extended support, the releases to move to, and installed packages whose
 * security support is limited or ended.
 *
 * <pre>{@code
 * assess("debian", "bookworm", [], 2026-12-04) -> debian 12 LTS: security support ended 2026-07-11,
 *     LTS to 2028-06-30; supported releases [13]
 * }</pre>
 */
final class DistroAssessor {

    private final LifecycleCatalog catalog;

    DistroAssessor(LifecycleCatalog catalog) {
        this.catalog = catalog;
    }

    DistroAssessment assess(String distro, String release, List<String> sourcePackages, LocalDate asOf, List<String> notes) {
        List<ReleaseCycle> cycles = catalog.cycles(distro);
        if (cycles.isEmpty()) {
            notes.add("no lifecycle data for the distro " + distro);
            return new DistroAssessment(distro, release, null, List.of(), List.of());
        }
        List<LineStatus> supported = cycles.stream()
                .map(cycle -> LineStatus.of(cycle, SupportPhase.ofDistro(cycle, asOf)))
                .filter(status -> status.phase() == SupportPhase.SECURITY_SUPPORT)
                .toList();
        if (release == null) {
            notes.add("the tag does not pin the " + distro + " release; the image has whichever release it was built on");
            return new DistroAssessment(distro, null, null, supported, List.of());
        }
        Optional<ReleaseCycle> cycle = resolve(distro, release);
        if (cycle.isEmpty()) {
            notes.add("the lifecycle data has no " + distro + " release " + release);
            return new DistroAssessment(distro, release, null, supported, List.of());
        }
        LineStatus status = LineStatus.of(cycle.get(), SupportPhase.ofDistro(cycle.get(), asOf));
        List<SecuritySupportLimit> limited = sourcePackages.isEmpty() ? List.of()
                : catalog.securitySupportLimits(distro, cycle.get().cycle()).stream()
                        .filter(limit -> sourcePackages.stream().anyMatch(limit::matches))
                        .toList();
        return new DistroAssessment(distro, release, status, supported, limited);
    }

    private Optional<ReleaseCycle> resolve(String distro, String release) {
        if (!DottedVersion.isVersion(release)) {
            return catalog.line(distro, release);
        }
        // Debian names a release by its major number (12.7 is a point release of 12); Ubuntu and Alpine by two.
        int depth = distro.equals("debian") ? 1 : 2;
        return catalog.line(distro, DottedVersion.line(release, depth));
    }
}
