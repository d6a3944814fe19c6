package dev.portcullis.report.table;

import dev.portcullis.match.Finding;
import java.util.Comparator;
import java.util.Locale;

/** Orders of the findings table. */
public enum FindingOrder {
    /** Highest displayed severity first; within a level KEV entries first, then by package and id. */
    SEVERITY(Comparator.comparing(Finding::level)
            .thenComparing(finding -> !finding.inKev())
            .thenComparing(FindingOrder::packageKey)
            .thenComparing(Finding::id)),
    /** By package name and version, then by id. */
    PACKAGE(Comparator.comparing(FindingOrder::packageKey).thenComparing(Finding::id));

    private final Comparator<Finding> comparator;

    FindingOrder(Comparator<Finding> comparator) {
        this.comparator = comparator;
    }

    public Comparator<Finding> comparator() {
        return comparator;
    }

    private static String packageKey(Finding finding) {
        return finding.pkg().name() + "\u0000" + finding.pkg().version() + "\u0000" + finding.pkg().type().purlType();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
