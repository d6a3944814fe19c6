package dev.portcullis.triage.reachability;

import dev.portcullis.image.FileRequest;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.OpenedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a small root filesystem folder and opens it the way a user would, with the {@code dir:} prefix. */
final class TestRootfs {

    private TestRootfs() {}

    /** Writes each file (absolute image path to content) under the root and opens the folder. */
    static OpenedImage open(Path root, Map<String, String> files) throws ImageException {
        return open(root, files, Map.of());
    }

    /** Writes the files and then the symbolic links (absolute image path to link target), and opens the folder. */
    static OpenedImage open(Path root, Map<String, String> files, Map<String, String> links) throws ImageException {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = root.resolve(file.getKey().substring(1));
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            for (Map.Entry<String, String> link : links.entrySet()) {
                Path source = root.resolve(link.getKey().substring(1));
                Files.createDirectories(source.getParent());
                Files.createSymbolicLink(source, Path.of(link.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileRequest request = ReachabilityAnalyzer.fileRequest();
        return new ImageOpener(ImageOptions.defaults()).open("dir:" + root, request);
    }
}
