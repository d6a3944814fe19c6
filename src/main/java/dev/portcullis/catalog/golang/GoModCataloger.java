package dev.portcullis.catalog.golang;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.ManifestReader;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the modules a Go project requires from its {@code go.mod}, the replacement module when a
 * {@code replace} directive applies. Source trees in images (build stages copied whole) and folders
 * scanned as root filesystems carry these.
 */
public final class GoModCataloger implements Cataloger {

    private static final String GLOB = "**/go.mod";


    @Override
    public String name() {
        return "go-module-file-cataloger";
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
            Optional<GoModFile> file = ManifestReader.read(entry, context, "failed to read go.mod",
                    in -> GoModFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            if (file.isEmpty()) {
                continue;
            }
            for (GoModule module : file.get().requirements()) {
                packages.add(toPackage(module, entry, context));
            }
        }
        return packages;
    }

    private Package toPackage(GoModule module, FileEntry entry, CatalogContext context) {
        Map<String, String> properties = new LinkedHashMap<>();
        GoModule effective = module;
        if (module.replacement() != null && !module.replacement().version().isEmpty()) {
            effective = module.replacement();
            properties.put("replaces", module.path() + "@" + module.version());
        } else if (module.replacement() != null) {
            properties.put("replacedBy", module.replacement().path());
        }
        return new Package(PackageType.GOLANG, effective.path(), effective.version(), null, null,
                GoBinaryCataloger.purl(effective.path(), effective.version()), name(), List.of(entry.path()), List.of(),
                context.layer(entry.layerIndex()), List.of(), Map.copyOf(properties));
    }
}
