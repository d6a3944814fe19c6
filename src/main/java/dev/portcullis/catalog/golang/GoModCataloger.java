package dev.portcullis.catalog.golang;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the modules a Go project requires from its {@code go.mod}, the replacement module when a
 * {@code replace} directive applies. Source trees in images (build stages copied whole) and folders
 * scanned as root filesystems carry these.
 */
public final class GoModCataloger implements Cataloger {

    private static final String GLOB = "**/go.mod";

    /** A go.mod of real projects stays far below this; a larger file is skipped, not read into memory. */
    private static final long MAX_FILE_BYTES = 64L << 20;

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
            if (entry.size() > MAX_FILE_BYTES) {
                String reason = "file of %d bytes is larger than the %d-byte limit; not read"
                        .formatted(entry.size(), MAX_FILE_BYTES);
                context.skipped().accept(new Skipped(entry.path(), reason));
                continue;
            }
            GoModFile file;
            try (InputStream in = context.files().open(entry.path())) {
                file = GoModFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                context.skipped().accept(new Skipped(entry.path(), "failed to read go.mod: " + e.getMessage()));
                continue;
            }
            for (GoModule module : file.requirements()) {
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
