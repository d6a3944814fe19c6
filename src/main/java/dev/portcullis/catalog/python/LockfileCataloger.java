package dev.portcullis.catalog.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared reading of a Python lockfile format: find each file by name, parse it into a tree, and turn
 * each locked entry into a package. A file that does not parse is skipped whole; an entry without a
 * name or version is skipped alone.
 */
abstract sealed class LockfileCataloger implements Cataloger
        permits PoetryLockCataloger, PipfileLockCataloger, UvLockCataloger {

    /** One locked package: its name, version and whether only development installs need it. */
    record LockedPackage(String name, String version, boolean development) {}

    /** Lockfiles of real projects stay under a few MiB; a larger file is skipped, not parsed into memory. */
    static final long MAX_LOCKFILE_BYTES = 64L << 20;

    private final String fileName;
    private final long maxBytes;

    LockfileCataloger(String fileName, long maxBytes) {
        this.fileName = fileName;
        this.maxBytes = maxBytes;
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs("**/" + fileName);
    }

    /** Parses the lockfile into a tree. */
    abstract JsonNode parse(InputStream in) throws IOException;

    /** Reads the locked packages; entries lacking a name or version are returned with null there. */
    abstract List<LockedPackage> packages(JsonNode root);

    @Override
    public List<Package> catalog(CatalogContext context) {
        List<Package> packages = new ArrayList<>();
        for (FileEntry entry : context.files().glob("**/" + fileName)) {
            if (!entry.isRegularFile()) {
                continue;
            }
            if (entry.size() > maxBytes) {
                String reason = "%s of %d bytes is larger than the %d-byte limit; not read"
                        .formatted(fileName, entry.size(), maxBytes);
                context.skipped().accept(new Skipped(entry.path(), reason));
                continue;
            }
            JsonNode root;
            try (InputStream in = context.files().open(entry.path())) {
                root = parse(in);
            } catch (IOException | RuntimeException e) {
                context.skipped().accept(new Skipped(entry.path(), "invalid " + fileName + ": " + e.getMessage()));
                continue;
            }
            for (LockedPackage locked : packages(root)) {
                if (locked.name() == null || locked.version() == null) {
                    context.skipped().accept(new Skipped(entry.path(),
                            "locked package %s has no version; not cataloged".formatted(locked.name())));
                    continue;
                }
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("development", Boolean.toString(locked.development()));
                packages.add(PythonPackages.create(locked.name(), locked.version(), name(), entry.path(), List.of(),
                        context.layer(entry.layerIndex()), List.of(), Map.copyOf(properties)));
            }
        }
        return packages;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
    }
}
