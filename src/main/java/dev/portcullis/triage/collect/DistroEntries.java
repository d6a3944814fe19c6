package dev.portcullis.triage.collect;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.match.Finding;
import dev.portcullis.triage.AdvisoryLookup;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The distro's own entries for a finding's package in the image's release: the release's entry
 * ({@code debian:12}) when any record has one, else the distro-wide default ({@code debian}).
 */
final class DistroEntries {

    /**
     * One distro entry with its record.
     *
     * @param releaseOwn false for the distro-wide default that applies to a release without a line
     */
    record Entry(Advisory advisory, Affected affected, boolean releaseOwn) {}

    private DistroEntries() {}

    static List<Entry> of(Finding finding, Distro distro, AdvisoryLookup lookup) {
        Optional<String> release = releaseKey(distro);
        if (release.isEmpty()) {
            return List.of();
        }
        Package pkg = finding.pkg();
        List<String> names = List.of(pkg.sourceNameOrName(), pkg.name());
        List<Entry> own = new ArrayList<>();
        List<Entry> fallback = new ArrayList<>();
        for (String id : finding.ids()) {
            for (Advisory advisory : lookup.byId(id)) {
                if (advisory.isWithdrawn()) {
                    continue;
                }
                for (Affected affected : advisory.affected()) {
                    if (affected.status() == null && !isDistroKey(affected.ecosystem(), distro)) {
                        continue;
                    }
                    if (!names.contains(affected.packageName())) {
                        continue;
                    }
                    if (affected.ecosystem().equals(release.get())) {
                        add(own, new Entry(advisory, affected, true));
                    } else if (affected.ecosystem().equals(distro.id())) {
                        add(fallback, new Entry(advisory, affected, false));
                    }
                }
            }
        }
        return own.isEmpty() ? fallback : own;
    }

    private static void add(List<Entry> entries, Entry entry) {
        boolean seen = entries.stream().anyMatch(other -> other.advisory().id().equals(entry.advisory().id())
                && other.advisory().source().equals(entry.advisory().source())
                && other.affected().equals(entry.affected()));
        if (!seen) {
            entries.add(entry);
        }
    }

    private static boolean isDistroKey(String ecosystem, Distro distro) {
        return ecosystem.equals(distro.id()) || ecosystem.startsWith(distro.id() + ":");
    }

    /** Returns {@code debian:12} or {@code alpine:3.20} for the distro, or empty when unknown. */
    static Optional<String> releaseKey(Distro distro) {
        if (distro == null || distro.id() == null || distro.versionId() == null) {
            return Optional.empty();
        }
        String[] parts = distro.versionId().split("\\.");
        return switch (distro.id()) {
            case "debian" -> Optional.of("debian:" + parts[0]);
            case "alpine" -> Optional.of("alpine:" + (parts.length > 1 ? parts[0] + "." + parts[1] : parts[0]));
            default -> Optional.empty();
        };
    }
}
