package dev.portcullis.catalog.dpkg;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the paths a dpkg package owns. dpkg keeps them in {@code info/<package>.list}, or
 * {@code info/<package>:<arch>.list} for {@code Multi-Arch: same} packages, with absolute paths;
 * {@code <package>.md5sums} lists the regular files with paths relative to the root. Distroless images
 * keep only {@code status.d/<file>.md5sums} beside the stanza file. Conffiles from the stanza are added.
 *
 * <p>Example: the md5sums line {@code 25de5fcdc3c8ebd9c9f599fb7a899b40  usr/bin/tar} gives {@code /usr/bin/tar}.
 */
final class DpkgOwnedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DpkgOwnedFiles.class);

    private DpkgOwnedFiles() {}

    /** Returns the files of a package from {@code /var/lib/dpkg/status}, with the info file they came from. */
    static Owned fromInfoFolder(FileResolver files, String infoFolder, DpkgEntry entry) {
        List<String> stems = new ArrayList<>();
        if (entry.architecture() != null) {
            stems.add(infoFolder + "/" + entry.name() + ":" + entry.architecture());
        }
        stems.add(infoFolder + "/" + entry.name());
        for (String suffix : List.of(".list", ".md5sums")) {
            for (String stem : stems) {
                Optional<List<String>> paths = readPaths(files, stem + suffix);
                if (paths.isPresent()) {
                    return new Owned(withConffiles(paths.get(), entry), stem + suffix);
                }
            }
        }
        return new Owned(withConffiles(List.of(), entry), null);
    }

    /** Returns the files of a package from a distroless {@code status.d} file. */
    static Owned fromStatusDirectory(FileResolver files, String stanzaFile, DpkgEntry entry) {
        String md5sums = stanzaFile + ".md5sums";
        Optional<List<String>> paths = readPaths(files, md5sums);
        return new Owned(withConffiles(paths.orElse(List.of()), entry), paths.isPresent() ? md5sums : null);
    }

    /**
     * Paths a package owns.
     *
     * @param source the info file read, or null when there was none
     */
    record Owned(List<String> paths, String source) {}

    private static List<String> withConffiles(List<String> paths, DpkgEntry entry) {
        Set<String> all = new LinkedHashSet<>(paths);
        all.addAll(entry.conffiles());
        return List.copyOf(all);
    }

    private static Optional<List<String>> readPaths(FileResolver files, String path) {
        if (files.find(path).filter(FileEntry::isRegularFile).isEmpty()) {
            return Optional.empty();
        }
        String text;
        try (InputStream in = files.open(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Cannot read {}; the package is listed without its files: {}", path, e.toString());
            return Optional.empty();
        }
        boolean md5sums = path.endsWith(".md5sums");
        List<String> paths = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String owned = md5sums ? md5sumsPath(line) : line.strip();
            // "/." is how dpkg lists the root folder itself; it is not a path worth reporting.
            if (owned != null && !owned.isEmpty() && !owned.equals("/.")) {
                paths.add(owned);
            }
        }
        return Optional.of(paths);
    }

    private static String md5sumsPath(String line) {
        String stripped = line.strip();
        int space = stripped.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String relative = stripped.substring(space + 1).strip();
        return relative.startsWith("/") ? relative : "/" + relative;
    }
}
