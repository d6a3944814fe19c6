package dev.portcullis.catalog.python;

import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds installed Python distributions from their core metadata: {@code *.dist-info/METADATA} (wheels,
 * pip), {@code *.egg-info/PKG-INFO} and single-file {@code *.egg-info} (setuptools, Debian's
 * {@code dist-packages}). Files listed in the {@code RECORD} beside a METADATA, or in the
 * {@code installed-files.txt} beside a PKG-INFO, become the package's files. RECORD paths are relative
 * to the folder that contains the dist-info folder, installed-files.txt paths to the egg-info folder.
 *
 * <p>Metadata is read wherever it is, not only under {@code site-packages}, because virtual
 * environments and vendored folders carry real installed distributions too.
 *
 * @see <a href="https://packaging.python.org/en/latest/specifications/recording-installed-packages/">
 *     Recording installed projects</a>
 */
public final class PythonInstalledCataloger implements Cataloger {

    private static final Logger LOG = LoggerFactory.getLogger(PythonInstalledCataloger.class);

    private static final long MAX_METADATA_BYTES = 16L << 20;

    private static final String[] METADATA_GLOBS = {"**/*dist-info/METADATA", "**/*egg-info/PKG-INFO", "**/*.egg-info"};

    @Override
    public String name() {
        return "python-installed-package-cataloger";
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs(
                "**/*dist-info/METADATA", "**/*dist-info/RECORD", "**/*egg-info/PKG-INFO",
                "**/*egg-info/installed-files.txt", "**/*.egg-info");
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        Map<String, FileEntry> metadataFiles = new TreeMap<>();
        for (String glob : METADATA_GLOBS) {
            for (FileEntry entry : context.files().glob(glob)) {
                if (entry.isRegularFile()) {
                    metadataFiles.put(entry.path(), entry);
                }
            }
        }
        List<Package> packages = new ArrayList<>();
        for (FileEntry entry : metadataFiles.values()) {
            read(entry, context).ifPresent(packages::add);
        }
        LOG.debug("Found {} installed Python packages", packages.size());
        return packages;
    }

    private java.util.Optional<Package> read(FileEntry entry, CatalogContext context) {
        CoreMetadata metadata;
        try (var reader =
                new InputStreamReader(headerBytes(context.files().open(entry.path())), StandardCharsets.UTF_8)) {
            metadata = CoreMetadata.parse(reader);
        } catch (IOException e) {
            context.skipped().accept(new Skipped(entry.path(), "failed to read Python metadata: " + e.getMessage()));
            return java.util.Optional.empty();
        }
        if (metadata.name() == null || metadata.version() == null) {
            String missing = metadata.name() == null ? "Name" : "Version";
            String reason = "Python metadata has no " + missing + " field; package not cataloged";
            context.skipped().accept(new Skipped(entry.path(), reason));
            return java.util.Optional.empty();
        }
        Path folder = Path.of(entry.path()).getParent();
        List<String> files = entry.path().endsWith("/METADATA")
                ? listedFiles(folder.resolve("RECORD").toString(), folder.getParent(), context)
                : entry.path().endsWith("/PKG-INFO")
                ? listedFiles(folder.resolve("installed-files.txt").toString(), folder, context)
                : List.of();
        return java.util.Optional.of(PythonPackages.create(metadata.name(), metadata.version(), name(), entry.path(),
                files, context.layer(entry.layerIndex()), metadata.licenses(), Map.of()));
    }

    /**
     * Reads a file list: RECORD's CSV rows of {@code path,hash,size} or installed-files.txt's one path a
     * line, each path relative to {@code base}. Returns an empty list when the file is absent.
     */
    private static List<String> listedFiles(String record, Path base, CatalogContext context) {
        if (context.files().find(record).filter(FileEntry::isRegularFile).isEmpty()) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        try (var reader =
                new BufferedReader(new InputStreamReader(context.files().open(record), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String path = firstCsvField(line);
                if (!path.isBlank()) {
                    files.add(base.resolve(path).normalize().toString());
                }
            }
        } catch (IOException e) {
            context.skipped().accept(
                    new Skipped(record, "failed to read the file list, package kept without files: " + e.getMessage()));
            return List.of();
        }
        return List.copyOf(files);
    }

    /**
     * Bounds the bytes read from a metadata file: the header fields come first and are small, and the
     * description after them is not read, so a line without end cannot fill memory.
     */
    private static InputStream headerBytes(InputStream in) throws IOException {
        return BoundedInputStream.builder().setInputStream(in).setMaxCount(MAX_METADATA_BYTES).get();
    }

    /** Returns the first field of a CSV row, unquoting it when the writer quoted a comma in the path. */
    static String firstCsvField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder field = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                break;
            } else {
                field.append(c);
            }
        }
        return field.toString();
    }
}
