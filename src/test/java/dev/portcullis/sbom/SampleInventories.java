package dev.portcullis.sbom;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.SourcePackage;
import dev.portcullis.image.Healthcheck;
import dev.portcullis.image.HistoryEntry;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.Layer;
import dev.portcullis.image.Skipped;
import dev.portcullis.image.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Inventories built by hand for the writer tests: a Debian 12 image with an npm app, and a root
 * filesystem folder. Values are fixed, so output can be compared with golden files.
 */
public final class SampleInventories {

    public static final Instant SCANNED_AT = Instant.parse("2026-03-01T12:00:00Z");
    public static final String MANIFEST_DIGEST =
            "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270";
    public static final Layer BASE_LAYER = new Layer(0,
            "sha256:a2318d6c47ec9cac5acc500c47c79602bcf953cec711a18bc898911a0984365b",
            "sha256:1c10ff2a3d2b5a8a1e3d2f2b6e7d6cb0a5e0c1f4d3b2a1908f7e6d5c4b3a2918", 29_150_000L,
            "application/vnd.oci.image.layer.v1.tar+gzip", "/bin/sh -c #(nop) ADD file:9e1a in /");
    public static final Layer APP_LAYER = new Layer(1,
            "sha256:e4fd2a1c8b0d0f3a7c6e5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3f2e1d0c",
            "sha256:77ab3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b", 4_200_000L,
            "application/vnd.oci.image.layer.v1.tar+gzip", "RUN npm ci --omit=dev # buildkit");

    private SampleInventories() {}

    /** Builds a Debian 12 image with two distro packages, lodash at two paths, one package of unknown layer, one skipped file. */
    public static Inventory debianImage() {
        ImageConfig config = new ImageConfig("linux", "amd64", null, "2026-02-27T08:00:00Z", "node",
                List.of("PATH=/usr/local/bin:/usr/bin:/bin", "NODE_ENV=production"), List.of("3000/tcp"),
                List.of("dumb-init", "--"), List.of("node", "dist/main.js"), "/app",
                new Healthcheck(List.of("CMD", "curl", "-f", "http://localhost:3000/health"), 30_000_000_000L,
                        5_000_000_000L, 0L, 3),
                Map.of("org.opencontainers.image.source", "https://git.example/shop/api", "maintainer", "shop team"),
                List.of(new HistoryEntry("2026-02-20T00:00:00Z", BASE_LAYER.createdBy(), null, false, 0),
                        new HistoryEntry("2026-02-27T08:00:00Z", APP_LAYER.createdBy(), null, false, 1)));
        ImageMetadata image = new ImageMetadata("oci:images/shop-api:1.4", SourceKind.OCI_LAYOUT, MANIFEST_DIGEST,
                "sha256:0d1f6f3e2c1b0a99887766554433221100ffeeddccbbaa998877665544332211", List.of("1.4", "latest"),
                config, List.of(BASE_LAYER, APP_LAYER));
        Distro distro = new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)");
        List<Package> packages = List.of(
                lodash("/usr/local/lib/node_modules/npm/node_modules/lodash/package.json"),
                deb("libssl3", "3.0.17-1~deb12u2", new SourcePackage("openssl", "3.0.17-1~deb12u2"),
                        "pkg:deb/debian/libssl3@3.0.17-1~deb12u2?arch=amd64&distro=debian-12", List.of("Apache-2.0"),
                        Map.of("maintainer", "Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>")),
                deb("libc6", "2.36-9+deb12u10", new SourcePackage("glibc", "2.36-9+deb12u10"),
                        "pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12",
                        List.of("LGPL-2.1-or-later", "GPL-2+"),
                        Map.of("maintainer", "GNU Libc Maintainers <debian-glibc@lists.debian.org>")),
                lodash("/app/node_modules/lodash/package.json"),
                new Package(PackageType.NPM, "express", "4.17.1", null, null, "pkg:npm/express@4.17.1",
                        "npm-package-cataloger", List.of("/app/node_modules/express/package.json"), List.of(), null,
                        List.of("(MIT OR Apache-2.0)"), Map.of("author", "TJ Holowaychuk <tj@vision-media.ca>")));
        List<Skipped> skipped = List.of(new Skipped("/app/node_modules/broken/package.json",
                "invalid JSON at line 3: unexpected end of input; the package was left out"));
        return new Inventory(image, distro, packages, skipped, SCANNED_AT, "0.1.0");
    }

    /** Builds a root filesystem folder: no digests, no layers, no distro release files. */
    public static Inventory rootfsFolder() {
        ImageMetadata image = new ImageMetadata("dir:/srv/rootfs", SourceKind.ROOTFS, null, null, List.of(),
                ImageConfig.empty(), List.of());
        List<Package> packages = List.of(new Package(PackageType.NPM, "left-pad", "1.3.0", null, null,
                "pkg:npm/left-pad@1.3.0", "npm-package-cataloger", List.of("/opt/tool/node_modules/left-pad/package.json"),
                List.of(), null, List.of("WTFPL"), Map.of()));
        return new Inventory(image, Distro.UNKNOWN, packages, List.of(), SCANNED_AT, "0.1.0");
    }

    private static Package deb(String name, String version, SourcePackage source, String purl, List<String> licenses,
            Map<String, String> properties) {
        return new Package(PackageType.DEB, name, version, "amd64", source, purl, "dpkg-db-cataloger",
                List.of("/var/lib/dpkg/status"), List.of("/usr/share/doc/" + name + "/copyright"), BASE_LAYER, licenses,
                properties);
    }

    private static Package lodash(String location) {
        return new Package(PackageType.NPM, "lodash", "4.17.15", null, null, "pkg:npm/lodash@4.17.15",
                "npm-package-cataloger", List.of(location), List.of(), APP_LAYER, List.of("MIT"), Map.of());
    }
}
