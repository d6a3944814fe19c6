package dev.portcullis.triage.collect;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileResolver;
import dev.portcullis.match.Finding;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceCollector;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Observation;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.Verdict;
import dev.portcullis.vulndb.DistroStatus;
import dev.portcullis.vulndb.TrackerState;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for a distro backport in the package's own changelog inside the image. When
 * {@code /usr/share/doc/<package>/changelog.Debian.gz} names the vulnerability in an entry at or below
 * the installed version, the verdict is ALREADY_PATCHED with the entry's version and line, unless
 * the distro's own data names a fixed version above the installed one: then the data wins and the
 * line stays as non-deciding evidence. An absent changelog is recorded as such, since slim images
 * delete them, and proves nothing either way.
 *
 * <p>One collector serves one triage run: it caches each changelog it reads.
 */
public final class BackportCollector implements EvidenceCollector {

    /** The files this collector reads, for the scan's file request. */
    public static final FileRequest FILES = FileRequest.globs("/usr/share/doc/*/changelog.Debian.gz");

    private static final Logger LOG = LoggerFactory.getLogger(BackportCollector.class);

    private final Map<String, Optional<DebianChangelog>> changelogs = new HashMap<>();

    @Override
    public List<Observation> collect(Finding finding, TriageContext context) {
        Package pkg = finding.pkg();
        if (pkg.type() != PackageType.DEB) {
            // TODO: read RPM changelogs from the rpmdb headers (%changelog) to find backports on RPM distros.
            return List.of();
        }

        String path = "/usr/share/doc/" + pkg.name() + "/changelog.Debian.gz";
        Optional<FileResolver> files = context.fileResolver();
        if (files.isEmpty()) {
            // TODO: carry the changelog's CVE entries in the SBOM as package properties so the server can use them.
            return List.of(Observation.fact(Evidence.of(EvidenceKind.ABSENT, path,
                    "backport not checked: the image's files were not available to triage")));
        }

        Optional<FileEntry> entry = files.get().find(path).filter(FileEntry::isRegularFile);
        Optional<DebianChangelog> changelog = entry.isEmpty() ? Optional.empty() : read(files.get(), path);
        if (changelog.isEmpty()) {
            return List.of(Observation.fact(Evidence.of(EvidenceKind.ABSENT, path,
                    "no readable changelog at " + path + ", so a backport cannot be confirmed or ruled out"
                            + " (slim images delete changelogs)")));
        }

        String layer = context.layerDigest(entry.get().layerIndex());
        String installed = PackageVersions.distroVersion(pkg, null);
        Optional<DebianChangelog.Mention> mention = finding.ids().stream()
                .flatMap(id -> changelog.get().mentions(id).stream())
                .filter(m -> PackageVersions.compare(pkg.type(), m.entryVersion(), installed).orElse(1) <= 0)
                .findFirst();
        if (mention.isEmpty()) {
            return List.of(Observation.fact(Evidence.of(EvidenceKind.CHANGELOG, path,
                    "the changelog names none of " + String.join(", ", finding.ids())
                            + " at or below " + installed, Map.of("path", path, "layer", layer))));
        }

        Evidence evidence = evidence(mention.get(), path, layer, installed);
        Optional<String> fixedAbove = fixedAboveInstalled(finding, context);
        if (fixedAbove.isPresent()) {
            return List.of(Observation.fact(Evidence.of(EvidenceKind.CHANGELOG, path, evidence.fact()
                    + "; not deciding, because the distro's data names fixed version " + fixedAbove.get()
                    + " above the installed " + installed, evidence.details())));
        }
        return List.of(Observation.verdict(new Verdict.AlreadyPatched("the package's changelog entry "
                + mention.get().entryVersion() + " names " + mention.get().id() + ", at or below the installed "
                + installed), evidence));
    }

    private Optional<DebianChangelog> read(FileResolver files, String path) {
        return changelogs.computeIfAbsent(path, key -> {
            try (InputStream in = files.open(key)) {
                return Optional.of(DebianChangelog.readGzip(in));
            } catch (IOException e) {
                LOG.warn("Cannot read changelog {}: {}; backports of its package are not checked", key,
                        e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static Evidence evidence(DebianChangelog.Mention mention, String path, String layer, String installed) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("path", path);
        details.put("layer", layer);
        details.put("entryVersion", mention.entryVersion());
        details.put("lineNumber", Integer.toString(mention.lineNumber()));
        details.put("line", mention.line());
        details.put("installed", installed);
        return Evidence.of(EvidenceKind.CHANGELOG, path, "entry " + mention.entryVersion() + " names "
                + mention.id() + " at line " + mention.lineNumber() + ": " + mention.line(), details);
    }

    /** Returns the distro's fixed version for the release when it is above the installed version. */
    private static Optional<String> fixedAboveInstalled(Finding finding, TriageContext context) {
        for (DistroEntries.Entry entry : DistroEntries.of(finding, context.distro(), context.advisories())) {
            DistroStatus status = entry.affected().status();
            if (!entry.releaseOwn() || status == null || status.state() != TrackerState.FIXED
                    || status.fixedVersion() == null) {
                continue;
            }
            String installed = PackageVersions.distroVersion(finding.pkg(), status.fixedVersion());
            if (PackageVersions.compare(finding.pkg().type(), installed, status.fixedVersion()).orElse(0) < 0) {
                return Optional.of(status.fixedVersion());
            }
        }
        return Optional.empty();
    }
}
