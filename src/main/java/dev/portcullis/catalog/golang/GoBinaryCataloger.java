package dev.portcullis.catalog.golang;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Go modules compiled into executables from the build information the Go linker embeds:
 * inline in Go 1.18 and later, behind pointers in ELF files of earlier releases. Each binary gives its
 * main module, every dependency (the replacement module when a {@code replace} directive applied) and
 * a {@code stdlib} package whose version is the toolchain, for example {@code go1.22.3}, so that
 * standard library advisories match.
 *
 * <p>Properties: {@code binary} (the executable's path), {@code goVersion}, {@code mainPackage} (the
 * import path of the command, when recorded), {@code mainModule}
 * ({@code true} on the main module), {@code replaces} ({@code path@version} of a replaced module) and,
 * when recorded, {@code GOOS}, {@code GOARCH} and {@code vcs.revision}.
 */
public final class GoBinaryCataloger implements Cataloger {

    private static final Logger LOG = LoggerFactory.getLogger(GoBinaryCataloger.class);

    /**
     * Folders where images usually keep executables. A {@link FileRequest} tests only paths, so it
     * cannot request executables anywhere without requesting every file.
     */
    // NOTE: a Go binary outside these folders is not found.
    public static final List<String> DEFAULT_GLOBS = List.of(
            "/*", "/bin/*", "/sbin/*", "/usr/bin/*", "/usr/sbin/*", "/usr/local/bin/*", "/usr/local/sbin/*",
            "/usr/local/go/bin/*", "/usr/local/go/pkg/tool/*/*", "/go/bin/*", "/ko-app/*", "/app/**", "/opt/**",
            "/usr/libexec/**", "/home/*/go/bin/*", "/root/go/bin/*");

    private static final List<String> KEPT_SETTINGS = List.of("GOOS", "GOARCH", "vcs.revision");

    private final List<String> globs;
    private final BuildInfoScanner scanner = new BuildInfoScanner();

    public GoBinaryCataloger() {
        this(DEFAULT_GLOBS);
    }

    public GoBinaryCataloger(List<String> globs) {
        this.globs = List.copyOf(globs);
    }

    @Override
    public String name() {
        return "go-module-binary-cataloger";
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs(globs.toArray(String[]::new));
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        Map<String, FileEntry> candidates = new TreeMap<>();
        for (String glob : globs) {
            for (FileEntry entry : context.files().glob(glob)) {
                if (entry.isRegularFile() && (entry.mode() & 0111) != 0 && entry.size() > 0) {
                    candidates.put(entry.path(), entry);
                }
            }
        }
        List<Package> packages = new ArrayList<>();
        for (FileEntry entry : candidates.values()) {
            packages.addAll(read(entry, context));
        }
        LOG.debug("Found {} Go modules in {} executables", packages.size(), candidates.size());
        return packages;
    }

    private List<Package> read(FileEntry entry, CatalogContext context) {
        BuildInfoScanner.Result result;
        try (InputStream in = context.files().open(entry.path())) {
            result = scanner.scan(in);
            if (result instanceof BuildInfoScanner.Result.PointerFormat format) {
                result = PointerFormatReader.read(format, () -> context.files().open(entry.path()));
            }
        } catch (IOException e) {
            context.skipped().accept(new Skipped(entry.path(), "failed to read Go build info: " + e.getMessage()));
            return List.of();
        }
        return switch (result) {
            case BuildInfoScanner.Result.Found found ->
                    packages(GoBuildInfo.parse(found.goVersion(), found.modinfo()), entry, context);
            case BuildInfoScanner.Result.Unsupported unsupported -> {
                context.skipped().accept(new Skipped(entry.path(), unsupported.reason()));
                yield List.of();
            }
            case BuildInfoScanner.Result.NotFound notFound -> List.of();
            case BuildInfoScanner.Result.PointerFormat format ->
                    throw new IllegalStateException("pointer format was read above");
        };
    }

    private List<Package> packages(GoBuildInfo info, FileEntry entry, CatalogContext context) {
        String toolchain = info.goVersion().split(" ", 2)[0];
        Map<String, String> common = new LinkedHashMap<>();
        common.put("binary", entry.path());
        common.put("goVersion", toolchain);
        if (info.path() != null && !info.path().isEmpty()) {
            common.put("mainPackage", info.path());
        }
        for (String key : KEPT_SETTINGS) {
            if (info.settings().containsKey(key)) {
                common.put(key, info.settings().get(key));
            }
        }

        List<Package> packages = new ArrayList<>();
        if (info.main() != null && !info.main().path().isEmpty()) {
            packages.add(module(info.main(), true, common, entry, context));
        }
        for (GoModule dependency : info.dependencies()) {
            packages.add(module(dependency, false, common, entry, context));
        }
        if (!toolchain.isEmpty()) {
            packages.add(create("stdlib", toolchain, common, entry, context));
        }
        return packages;
    }

    private Package module(
            GoModule module, boolean main, Map<String, String> common, FileEntry entry, CatalogContext context) {
        Map<String, String> properties = new LinkedHashMap<>(common);
        GoModule effective = module;
        GoModule replacement = module.replacement();
        if (replacement != null && !replacement.version().isEmpty()) {
            // The replacement's code is what was compiled, so advisories must match its path and version.
            effective = replacement;
            properties.put("replaces", module.path() + "@" + module.version());
        } else if (replacement != null) {
            // NOTE: a local directory replaced this module, so the version names code that was not compiled.
            properties.put("replacedBy", replacement.path());
        }
        if (main) {
            properties.put("mainModule", "true");
        }
        return create(effective.path(), effective.version(), properties, entry, context);
    }

    private Package create(
            String path, String version, Map<String, String> properties, FileEntry entry, CatalogContext context) {
        return new Package(PackageType.GOLANG, path, version, null, null, purl(path, version), name(),
                List.of(entry.path()), List.of(), context.layer(entry.layerIndex()), List.of(), Map.copyOf(properties));
    }

    /** Builds {@code pkg:golang/<module path>@version}, the path split at its last slash into namespace and name. */
    static String purl(String path, String version) {
        int slash = path.lastIndexOf('/');
        String namespace = slash < 0 ? null : path.substring(0, slash);
        String name = path.substring(slash + 1);
        try {
            return new PackageURL(PackageType.GOLANG.purlType(), namespace, name, version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            LOG.debug("No package URL for Go module {}@{}: {}", path, version, e.getMessage());
            return null;
        }
    }
}
