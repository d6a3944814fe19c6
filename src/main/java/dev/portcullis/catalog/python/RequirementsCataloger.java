package dev.portcullis.catalog.python;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.ManifestReader;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
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
        Optional<List<String>> lines = ManifestReader.read(entry, context, "failed to read requirements file",
                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder logical = new StringBuilder();
        int startLine = 1;
        for (int index = 0; index < lines.get().size(); index++) {
            String line = lines.get().get(index);
            if (logical.isEmpty()) {
                startLine = index + 1;
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
