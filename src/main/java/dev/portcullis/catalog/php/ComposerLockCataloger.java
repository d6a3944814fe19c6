package dev.portcullis.catalog.php;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.ManifestReader;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds PHP packages in Composer's {@code composer.lock} ({@code packages} and {@code packages-dev})
 * and in the installed list {@code vendor/composer/installed.json}, which Composer 1 writes as an
 * array and Composer 2 as an object with {@code packages} and {@code dev-package-names}.
 *
 * <pre>
 * {"packages": [{"name": "adoy/fastcgi-client", "version": "1.0.2", "license": ["MIT"]}], "packages-dev": []}
 * </pre>
 *
 * @see <a href="https://getcomposer.org/doc/01-basic-usage.md">Composer: basic usage</a>
 */
public final class ComposerLockCataloger implements Cataloger {

    private static final String[] GLOBS = {"**/composer.lock", "**/vendor/composer/installed.json"};
    private static final ObjectMapper JSON = new ObjectMapper();


    @Override
    public String name() {
        return "php-composer-cataloger";
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs(GLOBS);
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        List<Package> packages = new ArrayList<>();
        for (String glob : GLOBS) {
            for (FileEntry entry : context.files().glob(glob)) {
                if (entry.isRegularFile()) {
                    read(entry, context, packages);
                }
            }
        }
        return packages;
    }

    private void read(FileEntry entry, CatalogContext context, List<Package> packages) {
        Optional<JsonNode> parsed = ManifestReader.read(entry, context, "invalid Composer JSON", JSON::readTree);
        if (parsed.isEmpty()) {
            return;
        }
        JsonNode root = parsed.get();
        List<String> invalid = new ArrayList<>();
        var layer = context.layer(entry.layerIndex());
        if (root.isArray()) {
            packages.addAll(ComposerPackages.convert(root, false, name(), entry.path(), layer, invalid));
        } else if (entry.path().endsWith("installed.json")) {
            List<String> devNames = new ArrayList<>();
            root.path("dev-package-names").forEach(n -> devNames.add(n.asText()));
            List<Package> installed =
                    ComposerPackages.convert(root.path("packages"), false, name(), entry.path(), layer, invalid);
            for (Package pkg : installed) {
                packages.add(devNames.contains(pkg.name()) ? development(pkg) : pkg);
            }
        } else {
            String path = entry.path();
            packages.addAll(ComposerPackages.convert(root.path("packages"), false, name(), path, layer, invalid));
            packages.addAll(ComposerPackages.convert(root.path("packages-dev"), true, name(), path, layer, invalid));
        }
        invalid.forEach(item -> context.skipped().accept(
                new Skipped(entry.path(), "Composer package without vendor/name or version: " + item)));
    }

    private static Package development(Package pkg) {
        return new Package(pkg.type(), pkg.name(), pkg.version(), null, null, pkg.purl(), pkg.foundBy(),
                pkg.locations(), pkg.files(), pkg.layer(), pkg.licenses(), java.util.Map.of("development", "true"));
    }
}
