package dev.portcullis.catalog.rust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.ManifestReader;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the crates locked in a Cargo {@code Cargo.lock}: each {@code [[package]]} table with its
 * {@code name}, {@code version} and {@code source}. Workspace members have no source and are reported
 * with the {@code source} property {@code local}.
 *
 * <pre>
 * [[package]]
 * name = "memchr"
 * version = "2.3.3"
 * source = "registry+https://github.com/rust-lang/crates.io-index"
 * </pre>
 *
 * @see <a href="https://doc.rust-lang.org/cargo/guide/cargo-toml-vs-cargo-lock.html">Cargo.toml vs Cargo.lock</a>
 */
public final class CargoLockCataloger implements Cataloger {

    private static final String GLOB = "**/Cargo.lock";
    private static final TomlMapper TOML = new TomlMapper();


    @Override
    public String name() {
        return "rust-cargo-lock-cataloger";
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs(GLOB);
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        List<Package> packages = new ArrayList<>();
        for (FileEntry entry : context.files().glob(GLOB)) {
            if (!entry.isRegularFile()) {
                continue;
            }
            Optional<JsonNode> root = ManifestReader.read(entry, context, "invalid Cargo.lock", TOML::readTree);
            if (root.isEmpty()) {
                continue;
            }
            for (JsonNode crate : root.get().path("package")) {
                String name = crate.path("name").asText("");
                String version = crate.path("version").asText("");
                if (name.isEmpty() || version.isEmpty()) {
                    context.skipped().accept(
                            new Skipped(entry.path(), "locked crate without name or version: " + crate));
                    continue;
                }
                String source = crate.path("source").asText("local");
                packages.add(new Package(PackageType.CARGO, name, version, null, null, purl(name, version), name(),
                        List.of(entry.path()), List.of(), context.layer(entry.layerIndex()), List.of(),
                        Map.of("source", source)));
            }
        }
        return packages;
    }

    private static String purl(String name, String version) {
        try {
            return new PackageURL(PackageType.CARGO.purlType(), null, name, version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }
}
