package dev.portcullis.catalog.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Tracks the longest package prefix shared by the class entries of an archive. A jar with no Maven
 * metadata often still keeps all its classes under its group, as {@code org/springframework/beans/}.
 */
final class ClassPackages {

    private List<String> common;

    void add(String classEntry) {
        if (classEntry.startsWith("META-INF/") || classEntry.equals("module-info.class")) {
            return;
        }
        int slash = classEntry.lastIndexOf('/');
        List<String> segments = slash < 0 ? List.of() : List.of(classEntry.substring(0, slash).split("/"));
        if (common == null) {
            common = new ArrayList<>(segments);
            return;
        }
        int shared = 0;
        while (shared < common.size() && shared < segments.size() && common.get(shared).equals(segments.get(shared))) {
            shared++;
        }
        common.subList(shared, common.size()).clear();
    }

    /** Returns the shared prefix in dotted form when it has at least two segments, else null. */
    String commonPackage() {
        return common == null || common.size() < 2 ? null : String.join(".", common);
    }
}
