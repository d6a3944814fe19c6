package dev.portcullis.triage.collect;

import dev.portcullis.catalog.Package;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import dev.portcullis.match.Finding;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceCollector;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds packages whose files a later layer deleted: the package database still lists the package,
 * but none of the files it owns is left in the merged tree, so it is NOT_AFFECTED
 * (component_not_present). Directories do not count, since other packages share them.
 *
 * <p>Example: a layer runs {@code rm -rf /usr/lib/python3*} after installing python3.11; dpkg still
 * lists python3.11, but {@code /usr/bin/python3.11} and its other files are gone.
 */
public final class DeletedFilesCollector implements EvidenceCollector {

    private final Map<Package, Optional<Observation>> byPackage = new HashMap<>();

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        Optional<FileResolver> files = context.fileResolver();
        if (files.isEmpty() || finding.pkg().files().isEmpty()) {
            return List.of();
        }
        return byPackage.computeIfAbsent(finding.pkg(), pkg -> judge(pkg, files.get())).stream().toList();
    }

    private static Optional<Observation> judge(Package pkg, FileResolver files) {
        List<String> absent = new ArrayList<>();
        for (String path : pkg.files()) {
            Optional<FileEntry> entry = files.findNoFollow(path);
            if (entry.isPresent() && entry.get().type() != dev.portcullis.image.FileType.DIRECTORY) {
                return Optional.empty();
            }
            if (entry.isEmpty()) {
                absent.add(path);
            }
        }
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        String sample = String.join(", ", absent.subList(0, Math.min(3, absent.size())));
        String statement = absent.size() == 1
                ? "the one file that " + pkg.name() + " owns, " + sample + ", is not in the image"
                : "none of the " + absent.size() + " files that " + pkg.name() + " owns is in the image, for example "
                        + sample;
        Evidence evidence = Evidence.of(EvidenceKind.FILE, String.join(", ", pkg.locations()), statement,
                Map.of("absentFiles", Integer.toString(absent.size()), "examples", sample));
        return Optional.of(Observation.verdict(new Verdict.NotAffected(Justification.COMPONENT_NOT_PRESENT,
                "a later layer deleted every file of " + pkg.name() + "; only its package database entry remains"),
                evidence));
    }
}
