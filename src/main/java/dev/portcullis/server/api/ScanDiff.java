package dev.portcullis.server.api;

import dev.portcullis.server.storage.FindingStore.FindingView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference between two scans' findings, keyed by vulnerability and package: new in the later
 * scan, resolved since the earlier one, and those whose effective verdict or risk changed.
 */
public record ScanDiff(List<FindingView> added, List<FindingView> resolved, List<Changed> changed) {

    /** A finding present in both scans whose verdict or risk differs. */
    public record Changed(String vulnId, String packageName, String fromVerdict, String toVerdict, String fromRisk,
            String toRisk) {}

    public static ScanDiff between(List<FindingView> from, List<FindingView> to) {
        Map<String, FindingView> before = index(from);
        Map<String, FindingView> after = index(to);
        List<FindingView> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (Map.Entry<String, FindingView> entry : after.entrySet()) {
            FindingView old = before.get(entry.getKey());
            FindingView now = entry.getValue();
            if (old == null) {
                added.add(now);
            } else if (!old.verdict().equals(now.verdict()) || !old.risk().equals(now.risk())) {
                changed.add(new Changed(now.vulnId(), now.packageName(), old.verdict(), now.verdict(), old.risk(),
                        now.risk()));
            }
        }
        List<FindingView> resolved = before.entrySet().stream().filter(e -> !after.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return new ScanDiff(added, resolved, changed);
    }

    private static Map<String, FindingView> index(List<FindingView> findings) {
        Map<String, FindingView> index = new LinkedHashMap<>();
        findings.forEach(f -> index.putIfAbsent(f.vulnId() + " " + f.packageName(), f));
        return index;
    }
}
