package dev.portcullis.catalog.apk;

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
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Catalogs Alpine packages from {@code /lib/apk/db/installed}. The origin ({@code o:}) is the source
 * package, at the binary package's version because apk records no separate source version.
 *
 * <p>Example: {@code P:libssl3}, {@code V:3.0.8-r0}, {@code A:x86_64}, {@code o:openssl} on Alpine 3.17.2
 * gives {@code pkg:apk/alpine/libssl3@3.0.8-r0?arch=x86_64&distro=alpine-3.17.2&upstream=openssl}.
 */
public final class ApkCataloger implements Cataloger {

    public static final String NAME = "apk-db-cataloger";

    static final String INSTALLED = "/lib/apk/db/installed";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FileRequest request() {
        return path -> path.equals(INSTALLED);
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        return catalogWithDependencies(context).packages();
    }

    /** Returns the packages with their {@code D:} dependencies, see {@link ApkRelationships}. */
    @Override
    public CatalogResult catalogWithDependencies(CatalogContext context) {
        if (context.files().find(INSTALLED).filter(FileEntry::isRegularFile).isEmpty()) {
            return new CatalogResult(List.of(), List.of());
        }
        String text;
        try (InputStream in = context.files().open(INSTALLED)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            context.skipped().accept(new Skipped(INSTALLED, "failed to read the apk database: " + e.getMessage()));
            return new CatalogResult(List.of(), List.of());
        }
        ApkInstalledParser.Result result = ApkInstalledParser.parse(INSTALLED, text);
        result.skipped().forEach(context.skipped());
        Map<String, Integer> addedIn = LayerAttribution.addedIn(context.files().versions(INSTALLED),
                in -> keys(new String(in.readAllBytes(), StandardCharsets.UTF_8)));

        List<Package> packages = new ArrayList<>();
        Map<ApkEntry, Package> packageByEntry = new IdentityHashMap<>();
        for (ApkEntry entry : result.packages()) {
            Integer layerIndex = addedIn.get(entry.key());
            String sourceName = entry.origin() == null || entry.origin().isBlank() ? entry.name() : entry.origin();
            Package pkg = new Package(PackageType.APK, entry.name(), entry.version(), entry.architecture(),
                    new SourcePackage(sourceName, entry.version()), purl(context, entry, sourceName), NAME,
                    List.of(INSTALLED), entry.files(), layerIndex == null ? null : context.layer(layerIndex),
                    entry.license() == null ? List.of() : List.of(entry.license()), properties(entry));
            packages.add(pkg);
            packageByEntry.put(entry, pkg);
        }
        return new CatalogResult(packages, ApkRelationships.of(result.packages(), packageByEntry));
    }

    private static Set<String> keys(String text) {
        return ApkInstalledParser.parse(INSTALLED, text).packages().stream().map(ApkEntry::key)
                .collect(Collectors.toSet());
    }

    private static String purl(CatalogContext context, ApkEntry entry, String sourceName) {
        Map<String, String> qualifiers = new LinkedHashMap<>();
        qualifiers.put("arch", entry.architecture());
        if (!sourceName.equals(entry.name())) {
            qualifiers.put("upstream", sourceName);
        }
        return PackageUrls.distroPackage(PackageType.APK, context.distro(), entry.name(), entry.version(), qualifiers);
    }

    private static Map<String, String> properties(ApkEntry entry) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (entry.maintainer() != null) {
            properties.put("maintainer", entry.maintainer());
        }
        if (entry.checksum() != null) {
            properties.put("checksum", entry.checksum());
        }
        return Map.copyOf(properties);
    }
}
