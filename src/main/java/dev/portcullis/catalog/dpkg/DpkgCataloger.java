package dev.portcullis.catalog.dpkg;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.CatalogResult;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.LayerAttribution;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.PackageUrls;
import dev.portcullis.catalog.SourcePackage;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Catalogs Debian packages from the dpkg database: {@code /var/lib/dpkg/status} and the distroless form
 * {@code /var/lib/dpkg/status.d/<package>}, one stanza file per package. Each package is attributed to
 * the layer whose copy of its stanza file first listed that version.
 *
 * <p>Example: the stanza {@code Package: libc6}, {@code Status: install ok installed},
 * {@code Architecture: amd64}, {@code Source: glibc}, {@code Version: 2.36-9+deb12u7} on Debian 12 gives
 * {@code pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=amd64&distro=debian-12&upstream=glibc}.
 *
 * @see <a href="https://man7.org/linux/man-pages/man1/dpkg.1.html">dpkg(1), files</a>
 */
public final class DpkgCataloger implements Cataloger {

    public static final String NAME = "dpkg-db-cataloger";

    static final String STATUS = "/var/lib/dpkg/status";
    static final String STATUS_DIRECTORY = "/var/lib/dpkg/status.d";
    static final String INFO = "/var/lib/dpkg/info";

    // Files beside distroless stanza files that hold package metadata other than stanzas.
    private static final Set<String> STATUS_DIRECTORY_HELPER_SUFFIXES = Set.of(".md5sums", ".list", ".conffiles",
            ".preinst", ".postinst", ".prerm", ".postrm", ".config", ".templates", ".triggers", ".shlibs",
            ".symbols", ".sha256sums");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs(STATUS, STATUS_DIRECTORY + "/*", INFO + "/*.list", INFO + "/*.md5sums");
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        return catalogWithDependencies(context).packages();
    }

    /** Returns the packages with their {@code Pre-Depends} and {@code Depends}, see {@link DpkgRelationships}. */
    @Override
    public CatalogResult catalogWithDependencies(CatalogContext context) {
        FileResolver files = context.files();
        List<DpkgRelationships.Installed> installed = new ArrayList<>();
        if (isRegularFile(files, STATUS)) {
            installed.addAll(catalogFile(context, STATUS, false));
        }
        for (FileEntry entry : files.glob(STATUS_DIRECTORY + "/*")) {
            if (entry.isRegularFile() && isStanzaFile(entry.path())) {
                installed.addAll(catalogFile(context, entry.path(), true));
            }
        }
        List<Package> packages = installed.stream().map(DpkgRelationships.Installed::pkg).toList();
        return new CatalogResult(packages, DpkgRelationships.of(installed));
    }

    private List<DpkgRelationships.Installed> catalogFile(CatalogContext context, String path, boolean statusDirectory) {
        String text;
        try (InputStream in = context.files().open(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            context.skipped().accept(new Skipped(path, "failed to read the dpkg status file: " + e.getMessage()));
            return List.of();
        }
        DpkgStatusReader.Result result = DpkgStatusReader.read(path, text);
        result.skipped().forEach(context.skipped());
        Map<String, Integer> addedIn = LayerAttribution.addedIn(context.files().versions(path),
                in -> Set.copyOf(DpkgStatusReader.keys(path, new String(in.readAllBytes(), StandardCharsets.UTF_8))));

        List<DpkgRelationships.Installed> packages = new ArrayList<>();
        for (DpkgEntry entry : result.installed()) {
            DpkgOwnedFiles.Owned owned = statusDirectory
                    ? DpkgOwnedFiles.fromStatusDirectory(context.files(), path, entry)
                    : DpkgOwnedFiles.fromInfoFolder(context.files(), INFO, entry);
            List<String> locations = owned.source() == null ? List.of(path) : List.of(path, owned.source());
            Integer layerIndex = addedIn.get(entry.key());
            packages.add(new DpkgRelationships.Installed(entry, new Package(PackageType.DEB, entry.name(), entry.version(), entry.architecture(),
                    new SourcePackage(entry.sourceName(), entry.sourceVersion()), purl(context, entry), NAME,
                    locations, owned.paths(), layerIndex == null ? null : context.layer(layerIndex),
                    entry.license() == null ? List.of() : List.of(entry.license()), properties(entry))));
        }
        return packages;
    }

    private static String purl(CatalogContext context, DpkgEntry entry) {
        Map<String, String> qualifiers = new LinkedHashMap<>();
        qualifiers.put("arch", entry.architecture());
        if (entry.sourceDeclared()) {
            // As Syft writes it: the source name, with "@version" only when it differs from the binary's.
            qualifiers.put("upstream", entry.sourceVersion().equals(entry.version())
                    ? entry.sourceName()
                    : entry.sourceName() + "@" + entry.sourceVersion());
        }
        return PackageUrls.distroPackage(PackageType.DEB, context.distro(), entry.name(), entry.version(), qualifiers);
    }

    private static Map<String, String> properties(DpkgEntry entry) {
        Map<String, String> properties = new LinkedHashMap<>();
        putIfPresent(properties, "status", entry.status());
        putIfPresent(properties, "maintainer", entry.maintainer());
        putIfPresent(properties, "multiArch", entry.multiArch());
        return Map.copyOf(properties);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static boolean isStanzaFile(String path) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || !STATUS_DIRECTORY_HELPER_SUFFIXES.contains(fileName.substring(dot));
    }

    private static boolean isRegularFile(FileResolver files, String path) {
        return files.find(path).filter(FileEntry::isRegularFile).isPresent();
    }
}
