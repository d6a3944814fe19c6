package dev.portcullis.catalog.python;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds Python packages pinned with {@code ==} in pip requirements files ({@code requirements.txt},
 * {@code requirements-dev.txt}, {@code test-requirements.txt}). A line that names a package without
 * an exact version, an option line such as {@code -r base.txt}, or a URL is skipped with the reason,
 * because no single installed version can be read from it.
 */
public final class RequirementsCataloger implements Cataloger {

    private static final String GLOB = "**/*requirements*.txt";

    /** A requirements file of real projects stays far below this; a larger file is skipped, not read into memory. */
    private static final long MAX_FILE_BYTES = 64L << 20;

    @Override
    public String name() {
        return "python-requirements-cataloger";
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs(GLOB);
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        List<Package> packages = new ArrayList<>();
        for (FileEntry entry : context.files().glob(GLOB)) {
            if (entry.isRegularFile()) {
                read(entry, context, packages);
            }
        }
        return packages;
    }

    private void read(FileEntry entry, CatalogContext context, List<Package> packages) {
        if (entry.size() > MAX_FILE_BYTES) {
            String reason = "file of %d bytes is larger than the %d-byte limit; not read"
                    .formatted(entry.size(), MAX_FILE_BYTES);
            context.skipped().accept(new Skipped(entry.path(), reason));
            return;
        }
        try (var reader = new BufferedReader(
                new InputStreamReader(context.files().open(entry.path()), StandardCharsets.UTF_8))) {
            StringBuilder logical = new StringBuilder();
            int lineNumber = 0;
            int startLine = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (logical.isEmpty()) {
                    startLine = lineNumber;
                }
                if (line.endsWith("\\")) {
                    logical.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                logical.append(line);
                String requirement = RequirementsLine.withoutComment(logical.toString()).strip();
                logical.setLength(0);
                if (!requirement.isEmpty()) {
                    add(requirement, entry, startLine, context, packages);
                }
            }
        } catch (IOException e) {
            context.skipped().accept(new Skipped(entry.path(), "failed to read requirements file: " + e.getMessage()));
        }
    }

    private void add(String requirement, FileEntry entry, int line, CatalogContext context, List<Package> packages) {
        String location = entry.path() + ":" + line;
        if (requirement.startsWith("-")) {
            context.skipped().accept(new Skipped(location, "pip option line not followed: " + requirement));
            return;
        }
        Optional<RequirementsLine> pinned = RequirementsLine.parse(requirement);
        if (pinned.isEmpty()) {
            String reason = "requirement not pinned with ==, so no version is known: " + requirement;
            context.skipped().accept(new Skipped(location, reason));
            return;
        }
        packages.add(PythonPackages.create(pinned.get().name(), pinned.get().version(), name(), entry.path(), List.of(),
                context.layer(entry.layerIndex()), List.of(), Map.of("line", Integer.toString(line))));
    }
}
