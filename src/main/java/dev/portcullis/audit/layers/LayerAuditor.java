package dev.portcullis.audit.layers;

import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.secrets.SecretDetector;
import dev.portcullis.image.FileType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audits the files of every layer: setuid and setgid files, world-writable folders without the sticky bit,
 * package manager caches, and sensitive files. Sensitive files count in every layer, also when a later
 * layer deletes them, because the deleting whiteout hides a file but the earlier layer still ships its bytes.
 */
public final class LayerAuditor {

    private static final int SETUID = 04000;
    private static final int SETGID = 02000;
    private static final int STICKY = 01000;
    private static final int OTHERS_WRITE = 0002;

    private final SensitiveFiles sensitiveFiles;

    public LayerAuditor(SecretDetector secrets) {
        this.sensitiveFiles = new SensitiveFiles(secrets);
    }

    /** Audits {@code layers} of the image named {@code subject}. */
    public AuditResult audit(String subject, LayerFiles layers) {
        List<Finding> findings = new ArrayList<>();
        for (int layer = 0; layer < layers.layerCount(); layer++) {
            Map<String, long[]> caches = new LinkedHashMap<>();
            for (LayerEntry entry : layers.entries(layer)) {
                findings.addAll(inspect(subject, layers, layer, entry));
                if (entry.type() == FileType.REGULAR) {
                    PackageCaches.of(entry.path()).ifPresent(cache -> {
                        long[] countAndSize = caches.computeIfAbsent(cache.name() + "\u0000" + cache.cleanup(),
                                k -> new long[2]);
                        countAndSize[0]++;
                        countAndSize[1] += entry.size();
                    });
                }
            }
            for (Map.Entry<String, long[]> cache : caches.entrySet()) {
                String[] nameAndCleanup = cache.getKey().split("\u0000");
                findings.add(Finding.of(AuditRule.PACKAGE_CACHE_LEFT, subject, SourceLocation.of(subject),
                        nameAndCleanup[0] + " left in layer " + layer + ": " + cache.getValue()[0] + (cache.getValue()[0] == 1 ? " file, " : " files, ")
                                + cache.getValue()[1] + " bytes; clean it with " + nameAndCleanup[1]).inLayer(layer));
            }
        }
        return new AuditResult(findings, List.of());
    }

    private List<Finding> inspect(String subject, LayerFiles layers, int layer, LayerEntry entry) {
        List<Finding> findings = new ArrayList<>();
        SourceLocation at = SourceLocation.of(entry.path());
        String deleted = entry.deletedLater() ? " (deleted by a later layer, but its bytes still ship in layer "
                + layer + ")" : "";
        if (entry.type() == FileType.REGULAR && (entry.mode() & (SETUID | SETGID)) != 0 && !entry.deletedLater()) {
            String bits = (entry.mode() & SETUID) != 0 ? ((entry.mode() & SETGID) != 0 ? "setuid and setgid" : "setuid")
                    : "setgid";
            findings.add(Finding.of(AuditRule.SETUID_FILE, subject, at, entry.path() + " has the " + bits + " bit, mode "
                    + String.format("%04o", entry.mode() & 07777)).inLayer(layer));
        }
        if (entry.type() == FileType.DIRECTORY && (entry.mode() & OTHERS_WRITE) != 0 && (entry.mode() & STICKY) == 0
                && !entry.deletedLater()) {
            findings.add(Finding.of(AuditRule.WORLD_WRITABLE_DIRECTORY, subject, at, entry.path()
                    + " is writable by everyone without the sticky bit, mode "
                    + String.format("%04o", entry.mode() & 07777)).inLayer(layer));
        }
        if (entry.type() == FileType.REGULAR && SensitiveFiles.isCandidate(entry.path())) {
            byte[] content = layers.content(layer, entry.path(), SensitiveFiles.MAX_CONTENT_BYTES).orElse(null);
            sensitiveFiles.inspect(entry.path(), content).ifPresent(verdict -> findings.add(Finding.of(
                    AuditRule.SENSITIVE_FILE_IN_LAYER, subject, at, verdict.kind() + " " + entry.path() + " in layer "
                            + layer + (verdict.redactedValue() == null ? "" : ", value " + verdict.redactedValue())
                            + deleted).inLayer(layer)));
        }
        return findings;
    }
}
