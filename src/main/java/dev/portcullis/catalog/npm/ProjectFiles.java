package dev.portcullis.catalog.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Finds project lockfiles and reads the package.json beside them. */
final class ProjectFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProjectFiles() {}

    /**
     * Returns the regular files with this name outside any node_modules folder, because a lockfile
     * inside node_modules was shipped in a package's tarball and npm ignores it.
     */
    static List<FileEntry> projectFiles(FileResolver files, String fileName) {
        List<FileEntry> found = new ArrayList<>();
        for (FileEntry entry : files.glob("**/" + fileName)) {
            if (entry.isRegularFile() && !entry.path().contains("/node_modules/")) {
                found.add(entry);
            }
        }
        return found;
    }

    /** Returns the parent folder of an absolute path, {@code /} for a file at the root. */
    static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static String child(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    /** Reads a whole file as UTF-8 text. */
    static String readText(FileResolver files, String path) throws IOException {
        try (InputStream in = files.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads a file that must contain one JSON object, such as a lockfile.
     *
     * @throws IOException when the file cannot be read or is not a JSON object
     */
    static JsonNode readJsonObject(FileResolver files, String path) throws IOException {
        JsonNode root;
        try (InputStream in = files.open(path)) {
            root = MAPPER.readTree(in);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("expected a JSON object");
        }
        return root;
    }

    /**
     * Reads the package.json in a folder. Returns null when there is none. An invalid one is reported
     * as skipped and also gives null, so the caller goes on without it.
     */
    static PackageJson readManifest(FileResolver files, String folder, Consumer<Skipped> skipped) {
        String path = child(folder, "package.json");
        if (files.find(path).filter(FileEntry::isRegularFile).isEmpty()) {
            return null;
        }
        try (InputStream in = files.open(path)) {
            return PackageJson.read(in);
        } catch (IOException e) {
            skipped.accept(new Skipped(path, "invalid package.json (" + e.getMessage()
                    + "); direct and development dependencies are not told apart for this project"));
            return null;
        }
    }
}
