package dev.portcullis.triage.reachability;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.ImageConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells, for each installed npm package, whether a Node.js application can load it: static analysis of
 * the {@code require} and {@code import} forms from the entry points, resolved with Node.js's module
 * resolution, without running any code.
 *
 * <pre>{@code
 * try (OpenedImage image = new ImageOpener(ImageOptions.defaults())
 *         .open("oci:images/app:1.0", ReachabilityAnalyzer.fileRequest().or(cataloger.request()))) {
 *     ReachabilityReport report = new ReachabilityAnalyzer(ReachabilityOptions.defaults())
 *             .analyze(image.files(), image.metadata().config(), packages);
 *     report.forPackageJson("/app/node_modules/lodash/package.json"); // Reached with its import chain
 * }
 * }</pre>
 *
 * <p>A package is {@link Reachability.Reached} when literal imports lead into it,
 * {@link Reachability.PossiblyReached} when only a load the analysis could not resolve (a computed
 * name, an unreadable or unparsable file) may lead into it, and {@link Reachability.NotReached}
 * otherwise. With no entry point found, every package is possibly reached.
 *
 * <p>NOTE: code built from strings at run time ({@code eval}, {@code new Function}, {@code vm}) is not
 * analyzed, so a package loaded only from such code is reported as not reached.
 */
public final class ReachabilityAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(ReachabilityAnalyzer.class);

    private final ReachabilityOptions options;

    public ReachabilityAnalyzer(ReachabilityOptions options) {
        this.options = options;
    }

    /**
     * Returns the files the analysis reads: JavaScript and JSON files outside the system folders that
     * hold no Node.js code. Add it to the image's file request with {@link FileRequest#or}.
     */
    public static FileRequest fileRequest() {
        return new SourceFileRequest();
    }

    /** Analyzes from the scripts the image config starts, with NODE_PATH from its environment. */
    public ReachabilityReport analyze(FileResolver files, ImageConfig config, List<Package> packages) {
        EntryPointFinder finder = new EntryPointFinder(files);
        List<EntryPoint> entryPoints = finder.find(config);
        ReachabilityReport report = analyze(files, entryPoints, nodePath(config.env()), packages);
        List<String> warnings = new ArrayList<>(finder.problems());
        warnings.addAll(report.warnings());
        return new ReachabilityReport(report.entryPoints(), report.packages(), warnings, report.filesScanned(),
                report.bytesScanned());
    }

    /**
     * Analyzes from the given entry points.
     *
     * @param nodePath folders searched for bare names after the node_modules folders, as NODE_PATH lists them
     */
    public ReachabilityReport analyze(FileResolver files, List<EntryPoint> entryPoints, List<String> nodePath,
            List<Package> packages) {
        long start = System.nanoTime();
        ModuleGraphWalker walker = new ModuleGraphWalker(files, nodePath, options);
        walker.walk(entryPoints);
        PackageOwners owners = new PackageOwners(npmPackages(packages));
        Map<String, List<String>> reachedFiles = owners.filesByPackage(walker.visits().keySet());

        Map<String, PackageReachability> results = new LinkedHashMap<>();
        List<UndeterminedLoad> noEntryPoint = entryPoints.isEmpty()
                ? List.of(new UndeterminedLoad("(image config)", 0, "no entry point to start from", List.of()))
                : List.of();
        for (Map.Entry<String, Package> entry : owners.packagesByJson().entrySet()) {
            String folder = ModulePaths.parent(entry.getKey());
            Reachability reachability = noEntryPoint.isEmpty()
                    ? classify(walker, folder, reachedFiles.getOrDefault(folder, List.of()), entryPoints)
                    : new Reachability.PossiblyReached(noEntryPoint);
            results.put(entry.getKey(), new PackageReachability(entry.getValue(), entry.getKey(), reachability));
        }
        LOG.debug("Reachability of {} packages from {} entry points: {} files, {} bytes scanned in {} ms",
                results.size(), entryPoints.size(), walker.filesScanned(), walker.bytesScanned(),
                (System.nanoTime() - start) / 1_000_000);
        return new ReachabilityReport(entryPoints, results, walker.warnings(), walker.filesScanned(),
                walker.bytesScanned());
    }

    private Reachability classify(ModuleGraphWalker walker, String folder, List<String> files,
            List<EntryPoint> entryPoints) {
        Set<UndeterminedLoad> causes = new LinkedHashSet<>(walker.possibleCauses(folder));
        for (String file : files) {
            ModuleGraphWalker.Visit visit = walker.visits().get(file);
            if (visit.definite()) {
                return new Reachability.Reached(walker.chain(file));
            }
            if (causes.size() < options.maxCausesPerPackage()) {
                causes.add(visit.possibleCause());
            }
        }
        return causes.isEmpty() ? new Reachability.NotReached(entryPoints)
                : new Reachability.PossiblyReached(List.copyOf(causes));
    }

    private static Map<String, Package> npmPackages(List<Package> packages) {
        Map<String, Package> byJson = new LinkedHashMap<>();
        for (Package pkg : packages) {
            if (pkg.type() != PackageType.NPM) {
                continue;
            }
            pkg.locations().stream().filter(location -> location.endsWith("/package.json")).findFirst()
                    .ifPresent(location -> byJson.putIfAbsent(location, pkg));
        }
        return byJson;
    }

    private static List<String> nodePath(List<String> env) {
        return env.stream()
                .filter(variable -> variable.startsWith("NODE_PATH="))
                .flatMap(variable -> Arrays.stream(variable.substring("NODE_PATH=".length()).split(":")))
                .filter(folder -> folder.startsWith("/"))
                .map(folder -> ModulePaths.join("/", folder))
                .toList();
    }
}
