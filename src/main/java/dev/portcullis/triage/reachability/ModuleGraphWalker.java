package dev.portcullis.triage.reachability;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import dev.portcullis.triage.reachability.ScannedModule.CallSite;
import dev.portcullis.triage.reachability.ScannedModule.ComputedRequire;
import dev.portcullis.triage.reachability.ScannedModule.ImportKind;
import dev.portcullis.triage.reachability.ScannedModule.ModuleImport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows imports from the entry points over the module graph, breadth first, so each file keeps its
 * shortest import chain. A file is reached for sure when a chain of literal imports leads to it, or
 * possibly when the chain passes through an {@link UndeterminedLoad}; a sure chain found later
 * upgrades a possible one.
 *
 * <p>A computed {@code require(p)} of a parameter {@code p} of function {@code f} is resolved from the
 * string literals passed as {@code p} at the calls of {@code f}, both {@code f(...)} in the same file
 * and {@code x.f(...)} in any reached file, which covers a helper exported and called through its
 * module object. A call that passes anything else for {@code p}, or no call at all, leaves the require
 * undetermined.
 */
final class ModuleGraphWalker {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleGraphWalker.class);

    /** The first visit of a file: the import that led to it, and the undetermined load when it is only possible. */
    record Visit(ImportStep step, UndeterminedLoad possibleCause) {

        boolean definite() {
            return possibleCause == null;
        }
    }

    /** A computed require of a parameter, with the call-site literals already resolved for it. */
    private record PendingParameter(String file, ComputedRequire require, Set<String> resolved) {}

    private record IndexedCall(String file, CallSite call) {}

    private final FileResolver files;
    private final NodeModuleResolver resolver;
    private final VisiblePackages visiblePackages;
    private final ReachabilityOptions options;

    private final Map<String, Visit> visits = new LinkedHashMap<>();
    private final Deque<String> queue = new ArrayDeque<>();
    private final Map<String, Optional<ScannedModule>> scans = new HashMap<>();
    private final Map<String, List<IndexedCall>> callsByCallee = new HashMap<>();
    private final Set<String> indexedFiles = new HashSet<>();
    private final Map<String, PendingParameter> pending = new LinkedHashMap<>();
    private final Set<String> settled = new HashSet<>();
    private final Set<String> undeterminedKeys = new HashSet<>();
    private final Map<String, Set<UndeterminedLoad>> possibleFolders = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int filesScanned;
    private long bytesScanned;
    private boolean budgetWarned;

    ModuleGraphWalker(FileResolver files, List<String> nodePath, ReachabilityOptions options) {
        this.files = files;
        this.resolver = new NodeModuleResolver(files, nodePath);
        this.visiblePackages = new VisiblePackages(files, nodePath);
        this.options = options;
    }

    /** Walks the graph from the entry points until no file, literal or undetermined load is left to follow. */
    void walk(List<EntryPoint> entryPoints) {
        for (EntryPoint entry : entryPoints) {
            switch (resolver.resolve("/", entry.file(), ImportKind.REQUIRE)) {
                case Resolution.ModuleFile file -> visit(file.path(), null, null);
                case Resolution.NotFound notFound -> warnings.add("entry point " + entry.file() + " ("
                        + entry.origin() + ") not found: " + notFound.reason());
                case Resolution.Builtin builtin -> warnings.add("entry point " + entry.file() + " is a core module");
            }
        }
        do {
            drainQueue();
        } while (resolvePendingParameters() || settleUnresolvedParameters() || !queue.isEmpty());
    }

    Map<String, Visit> visits() {
        return visits;
    }

    /** Returns the undetermined loads that make the package folder possibly reachable by a bare name. */
    Set<UndeterminedLoad> possibleCauses(String packageFolder) {
        return possibleFolders.getOrDefault(packageFolder, Set.of());
    }

    List<String> warnings() {
        return warnings;
    }

    int filesScanned() {
        return filesScanned;
    }

    long bytesScanned() {
        return bytesScanned;
    }

    /** Returns the import chain from an entry point to a visited file. */
    List<ImportStep> chain(String file) {
        List<ImportStep> chain = new ArrayList<>();
        Visit visit = visits.get(file);
        while (visit != null && visit.step() != null && chain.size() <= visits.size()) {
            chain.addFirst(visit.step());
            visit = visits.get(visit.step().file());
        }
        return chain;
    }

    private void visit(String file, ImportStep step, UndeterminedLoad possibleCause) {
        Visit existing = visits.get(file);
        if (existing != null && (existing.definite() || possibleCause != null)) {
            return;
        }
        visits.put(file, new Visit(step, possibleCause));
        queue.add(file);
    }

    private void drainQueue() {
        while (!queue.isEmpty()) {
            process(queue.poll());
        }
    }

    private void process(String file) {
        Visit visit = visits.get(file);
        if (file.endsWith(".json") || file.endsWith(".node")) {
            return;
        }
        Optional<ScannedModule> scanned = scans.computeIfAbsent(file, this::scan);
        if (scanned.isEmpty()) {
            return;
        }
        UndeterminedLoad mode = visit.possibleCause();
        for (ModuleImport moduleImport : scanned.get().imports()) {
            Resolution resolution = resolver.resolve(file, moduleImport.specifier(), moduleImport.kind());
            if (resolution instanceof Resolution.ModuleFile target) {
                visit(target.path(), new ImportStep(file, moduleImport.line(), moduleImport.specifier(),
                        target.path()), mode);
            } else if (resolution instanceof Resolution.NotFound notFound) {
                LOG.debug("{}:{} loads '{}', which does not resolve: {}", file, moduleImport.line(),
                        moduleImport.specifier(), notFound.reason());
            }
        }
        for (ComputedRequire require : scanned.get().computedRequires()) {
            String key = file + ":" + require.line() + ":" + require.expression();
            if (require.isParameter()) {
                pending.putIfAbsent(key, new PendingParameter(file, require, new HashSet<>()));
            } else {
                undetermined(new UndeterminedLoad(file, require.line(), loadCall(require)
                        + " with a computed specifier", chain(file)));
            }
        }
        if (indexedFiles.add(file)) {
            for (CallSite call : scanned.get().callSites()) {
                callsByCallee.computeIfAbsent(call.callee(), callee -> new ArrayList<>())
                        .add(new IndexedCall(file, call));
            }
        }
    }

    private static String loadCall(ComputedRequire require) {
        return (require.kind() == ImportKind.REQUIRE ? "require(" : "import(") + require.expression() + ")";
    }

    private Optional<ScannedModule> scan(String file) {
        Optional<FileEntry> entry = files.find(file);
        long size = entry.map(FileEntry::size).orElse(0L);
        if (bytesScanned + size > options.maxBytesScanned()) {
            if (!budgetWarned) {
                budgetWarned = true;
                warnings.add("stopped reading JavaScript after " + bytesScanned + " bytes (limit "
                        + options.maxBytesScanned() + "); packages loadable from unread files count as possibly"
                        + " reached");
            }
            undetermined(new UndeterminedLoad(file, 0, "not read: the limit of " + options.maxBytesScanned()
                    + " bytes of source was reached", chain(file)));
            return Optional.empty();
        }
        try (InputStream in = files.open(file)) {
            byte[] content = in.readAllBytes();
            filesScanned++;
            bytesScanned += content.length;
            return Optional.of(ImportScanner.scan(new String(content, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            warnings.add("cannot read " + file + ": " + e.getMessage());
            undetermined(new UndeterminedLoad(file, 0, "not read: " + e.getMessage(), chain(file)));
        } catch (JsSyntaxException e) {
            warnings.add("cannot parse " + file + ": " + e.getMessage()
                    + "; the packages it could load count as possibly reached");
            undetermined(new UndeterminedLoad(file, 0, "not parsed: " + e.getMessage(), chain(file)));
        }
        return Optional.empty();
    }

    /** Resolves the literals newly found at call sites; returns whether any file was newly visited. */
    private boolean resolvePendingParameters() {
        int before = visits.size();
        boolean upgraded = false;
        for (PendingParameter parameter : pending.values()) {
            for (IndexedCall indexed : callsFor(parameter)) {
                String literal = argument(indexed.call(), parameter.require().parameterIndex());
                if (literal == null || !parameter.resolved().add(literal + "\n" + indexed.file())) {
                    continue;
                }
                Resolution resolution = resolver.resolve(parameter.file(), literal, parameter.require().kind());
                if (resolution instanceof Resolution.ModuleFile target) {
                    Visit caller = visits.get(indexed.file());
                    Visit holder = visits.get(parameter.file());
                    UndeterminedLoad mode = !holder.definite() ? holder.possibleCause() : caller.possibleCause();
                    boolean wasDefinite = visits.containsKey(target.path()) && visits.get(target.path()).definite();
                    visit(target.path(), new ImportStep(parameter.file(), parameter.require().line(), literal,
                            target.path()), mode);
                    upgraded |= mode == null && !wasDefinite;
                }
            }
        }
        return upgraded || visits.size() > before;
    }

    /** Marks parameter requires that some call cannot feed with a literal; returns whether any was new. */
    private boolean settleUnresolvedParameters() {
        boolean any = false;
        for (Map.Entry<String, PendingParameter> entry : pending.entrySet()) {
            PendingParameter parameter = entry.getValue();
            List<IndexedCall> calls = callsFor(parameter);
            IndexedCall computedCall = calls.stream()
                    .filter(call -> argument(call.call(), parameter.require().parameterIndex()) == null)
                    .findFirst().orElse(null);
            if ((calls.isEmpty() || computedCall != null) && settled.add(entry.getKey())) {
                String why = calls.isEmpty() ? "no call of " + parameter.require().function() + " was found"
                        : "the call at " + computedCall.file() + ":" + computedCall.call().line()
                                + " passes a computed value";
                undetermined(new UndeterminedLoad(parameter.file(), parameter.require().line(),
                        loadCall(parameter.require()) + " of a parameter of " + parameter.require().function()
                                + ", and " + why, chain(parameter.file())));
                any = true;
            }
        }
        return any;
    }

    private List<IndexedCall> callsFor(PendingParameter parameter) {
        return callsByCallee.getOrDefault(parameter.require().function(), List.of()).stream()
                .filter(call -> call.call().arguments().size() > parameter.require().parameterIndex())
                .toList();
    }

    private static String argument(CallSite call, int index) {
        return call.arguments().get(index);
    }

    /**
     * Records a load the analysis cannot resolve: every package a bare name could load from its file
     * becomes possibly reached, and its main module is followed as possibly reached.
     */
    private void undetermined(UndeterminedLoad load) {
        if (!undeterminedKeys.add(load.location() + " " + load.reason())) {
            return;
        }
        LOG.debug("Undetermined load at {}: {}", load.location(), load.reason());
        Map<String, String> visible = visiblePackages.from(ModulePaths.parent(load.file()));
        for (Map.Entry<String, String> entry : visible.entrySet()) {
            Set<UndeterminedLoad> causes = possibleFolders.computeIfAbsent(entry.getValue(),
                    folder -> new LinkedHashSet<>());
            if (causes.size() < options.maxCausesPerPackage()) {
                causes.add(load);
            }
            // TODO: a computed name may load a subpath (name/lib/x) too; only the package's main module is followed.
            if (resolver.resolve(load.file(), entry.getKey(), ImportKind.REQUIRE)
                    instanceof Resolution.ModuleFile target) {
                visit(target.path(), new ImportStep(load.file(), load.line(), entry.getKey(), target.path()), load);
            }
        }
    }
}
