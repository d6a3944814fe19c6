package dev.portcullis.triage.reachability;

import dev.portcullis.catalog.Package;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps each file to the installed package in the nearest enclosing folder. */
final class PackageOwners {

    private final Map<String, Package> packagesByJson;
    private final Map<String, String> folders = new HashMap<>();

    PackageOwners(Map<String, Package> packagesByJson) {
        this.packagesByJson = packagesByJson;
        for (String packageJson : packagesByJson.keySet()) {
            String folder = ModulePaths.parent(packageJson);
            folders.put(folder, folder);
        }
    }

    Map<String, Package> packagesByJson() {
        return packagesByJson;
    }

    /** Groups files by the folder of their nearest enclosing package, keeping the files' order. */
    Map<String, List<String>> filesByPackage(Collection<String> files) {
        Map<String, List<String>> result = new HashMap<>();
        for (String file : files) {
            String owner = owner(file);
            if (owner != null) {
                result.computeIfAbsent(owner, folder -> new ArrayList<>()).add(file);
            }
        }
        return result;
    }

    private String owner(String file) {
        for (String folder = ModulePaths.parentOrNull(file); folder != null; folder = ModulePaths.parentOrNull(folder)) {
            if (folders.containsKey(folder)) {
                return folder;
            }
        }
        return null;
    }
}
