package dev.portcullis.catalog.rpm;

import dev.portcullis.catalog.CatalogContext;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogs rpm packages from the rpm database: the Berkeley DB {@code Packages} file (RHEL 8 and older,
 * CentOS, Amazon Linux 2) and the SQLite {@code rpmdb.sqlite} (rpm 4.16 and later: RHEL 9, Fedora 33+),
 * in {@code /var/lib/rpm} or {@code /usr/lib/sysimage/rpm}.
 *
 * <p>Example: a header with NAME {@code openssl-libs}, EPOCH 1, VERSION {@code 1.1.1k}, RELEASE
 * {@code 12.el8_9}, ARCH {@code x86_64} and SOURCERPM {@code openssl-1.1.1k-12.el8_9.src.rpm} on RHEL
 * 8.10 gives version {@code 1:1.1.1k-12.el8_9}, source {@code openssl} at {@code 1:1.1.1k-12.el8_9} and
 * {@code pkg:rpm/redhat/openssl-libs@1.1.1k-12.el8_9?arch=x86_64&distro=rhel-8.10&epoch=1&upstream=...}.
 */
public final class RpmCataloger implements Cataloger {

    public static final String NAME = "rpm-db-cataloger";

    private static final Logger LOG = LoggerFactory.getLogger(RpmCataloger.class);

    // TODO: read the NDB format (Packages.db, SUSE since 15 SP3), which images of SLES and openSUSE use.
    static final List<String> DATABASES = List.of("/var/lib/rpm/Packages", "/var/lib/rpm/rpmdb.sqlite",
            "/usr/lib/sysimage/rpm/Packages", "/usr/lib/sysimage/rpm/rpmdb.sqlite");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FileRequest request() {
        return DATABASES::contains;
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        List<Package> packages = new ArrayList<>();
        Set<String> readFiles = new HashSet<>();
        for (String path : DATABASES) {
            Optional<FileEntry> entry = context.files().find(path).filter(FileEntry::isRegularFile);
            // /var/lib/rpm is often a link to /usr/lib/sysimage/rpm; read each database file once.
            if (entry.isPresent() && readFiles.add(entry.get().path())) {
                packages.addAll(catalogDatabase(context, path));
            }
        }
        return packages;
    }

    private List<Package> catalogDatabase(CatalogContext context, String path) {
        RpmDatabaseReader.Result result;
        try (InputStream in = context.files().open(path)) {
            result = RpmDatabaseReader.read(path, in);
        } catch (IOException e) {
            context.skipped().accept(new Skipped(path, "failed to read the rpm database: " + e.getMessage()));
            return List.of();
        }
        result.skipped().forEach(context.skipped());
        Map<String, Integer> addedIn = LayerAttribution.addedIn(context.files().versions(path),
                in -> RpmDatabaseReader.read(path, in).packages().stream()
                        .map(RpmEntry::key)
                        .collect(Collectors.toSet()));

        List<Package> packages = new ArrayList<>();
        for (RpmEntry entry : result.packages()) {
            // gpg-pubkey entries are imported signing keys that rpm stores as pseudo-packages.
            if (entry.name().equals("gpg-pubkey")) {
                LOG.debug("Leaving out the signing key entry gpg-pubkey {} in {}", entry.fullVersion(), path);
                continue;
            }
            Integer layerIndex = addedIn.get(entry.key());
            packages.add(new Package(PackageType.RPM, entry.name(), entry.fullVersion(), entry.architecture(),
                    source(entry), purl(context, entry), NAME, List.of(path), entry.files(),
                    layerIndex == null ? null : context.layer(layerIndex),
                    entry.license() == null ? List.of() : List.of(entry.license()), properties(entry)));
        }
        return packages;
    }

    /**
     * Returns the source package named by SOURCERPM ({@code name-version-release.src.rpm}). The file name
     * carries no epoch; binary and source packages built from one spec file share it, so the binary's
     * epoch is added.
     */
    static SourcePackage source(RpmEntry entry) {
        String stem = stripSuffix(entry.sourceRpm(), ".src.rpm");
        if (stem == null) {
            stem = stripSuffix(entry.sourceRpm(), ".nosrc.rpm");
        }
        int releaseDash = stem == null ? -1 : stem.lastIndexOf('-');
        int versionDash = releaseDash <= 0 ? -1 : stem.lastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0) {
            return new SourcePackage(entry.name(), entry.fullVersion());
        }
        String versionRelease = stem.substring(versionDash + 1);
        return new SourcePackage(stem.substring(0, versionDash),
                entry.epoch() == null ? versionRelease : entry.epoch() + ":" + versionRelease);
    }

    private static String stripSuffix(String fileName, String suffix) {
        return fileName != null && fileName.endsWith(suffix)
                ? fileName.substring(0, fileName.length() - suffix.length())
                : null;
    }

    private static String purl(CatalogContext context, RpmEntry entry) {
        Map<String, String> qualifiers = new LinkedHashMap<>();
        qualifiers.put("arch", entry.architecture());
        qualifiers.put("epoch", entry.epoch() == null ? null : entry.epoch().toString());
        qualifiers.put("upstream", entry.sourceRpm());
        String versionRelease = entry.release() == null ? entry.version() : entry.version() + "-" + entry.release();
        return PackageUrls.distroPackage(PackageType.RPM, context.distro(), entry.name(), versionRelease, qualifiers);
    }

    private static Map<String, String> properties(RpmEntry entry) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (entry.vendor() != null) {
            properties.put("vendor", entry.vendor());
        }
        if (entry.sourceRpm() != null) {
            properties.put("sourceRpm", entry.sourceRpm());
        }
        return Map.copyOf(properties);
    }
}
