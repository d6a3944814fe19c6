package dev.portcullis.catalog.dotnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Finds the libraries of a .NET application from its {@code *.deps.json}: each key of
 * {@code libraries} is {@code Name/Version}, with {@code type} {@code package} for NuGet packages and
 * {@code project} for the application's own projects. Both are reported, the type kept in the
 * {@code libraryType} property.
 *
 * <pre>
 * "libraries": {
 *   "Newtonsoft.Json/13.0.1": {"type": "package", "sha512": "sha512-...", "path": "newtonsoft.json/13.0.1"}
 * }
 * </pre>
 *
 * @see <a href="https://github.com/dotnet/cli/blob/v2.0.0/Documentation/specs/runtime-configuration-file.md">
 *     Runtime configuration files</a>
 */
public final class DotnetDepsCataloger implements Cataloger {

    private static final String GLOB = "**/*.deps.json";
    private static final ObjectMapper JSON = new ObjectMapper();


    @Override
    public String name() {
        return "dotnet-deps-cataloger";
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
            Optional<JsonNode> root = ManifestReader.read(entry, context, "invalid deps.json", JSON::readTree);
            if (root.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> library : root.get().path("libraries").properties()) {
                int slash = library.getKey().lastIndexOf('/');
                if (slash <= 0 || slash == library.getKey().length() - 1) {
                    context.skipped().accept(
                            new Skipped(entry.path(), "library key is not Name/Version: " + library.getKey()));
                    continue;
                }
                String name = library.getKey().substring(0, slash);
                String version = library.getKey().substring(slash + 1);
                String type = library.getValue().path("type").asText("unknown");
                packages.add(new Package(PackageType.NUGET, name, version, null, null, purl(name, version), name(),
                        List.of(entry.path()), List.of(), context.layer(entry.layerIndex()), List.of(),
                        Map.of("libraryType", type)));
            }
        }
        return packages;
    }

    private static String purl(String name, String version) {
        try {
            return new PackageURL(PackageType.NUGET.purlType(), null, name, version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }
}
