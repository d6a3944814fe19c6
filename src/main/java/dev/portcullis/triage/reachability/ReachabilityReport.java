package dev.portcullis.triage.reachability;

import dev.portcullis.catalog.Package;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of one analysis.
 *
 * @param entryPoints the scripts whose imports were followed
 * @param packages the result per installed package, keyed by package.json path, in path order
 * @param warnings what the analysis could not read or parse, and budget or entry-point problems
 * @param filesScanned number of JavaScript files read and scanned
 * @param bytesScanned total size of those files
 */
public record ReachabilityReport(List<EntryPoint> entryPoints, Map<String, PackageReachability> packages,
        List<String> warnings, int filesScanned, long bytesScanned) {

    public ReachabilityReport {
        entryPoints = List.copyOf(entryPoints);
        packages = Collections.unmodifiableMap(new TreeMap<>(packages));
        warnings = List.copyOf(warnings);
    }

    /** Returns the result for a cataloged npm package, found by the package.json among its locations. */
    public Optional<Reachability> forPackage(Package pkg) {
        return pkg.locations().stream()
                .map(packages::get)
                .filter(Objects::nonNull)
                .findFirst()
                .map(PackageReachability::reachability);
    }

    /** Returns the result for the package whose package.json is at the path. */
    public Optional<Reachability> forPackageJson(String packageJsonPath) {
        return Optional.ofNullable(packages.get(packageJsonPath)).map(PackageReachability::reachability);
    }
}
