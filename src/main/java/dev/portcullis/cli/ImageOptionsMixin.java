package dev.portcullis.cli;

import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.ReadProgress;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options for reading an image that every image-reading command shares. */
public final class ImageOptionsMixin {

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "Platform to pick from a multi-platform image (default: linux/amd64).")
    String platform;

    @Option(names = "--max-file-size", paramLabel = "MIB", defaultValue = "64",
            description = "Keep package files up to this many MiB in memory; larger ones go to a temporary"
                    + " folder that is removed after the scan (default: ${DEFAULT-VALUE}).")
    long maxFileSizeMib;

    @Option(names = "--temp-dir", paramLabel = "DIR",
            description = "Parent folder for the private temporary folder (default: the system temporary folder).")
    Path tempDir;

    ImageOptions toImageOptions(ReadProgress progress) {
        if (maxFileSizeMib < 1) {
            throw new UsageException("--max-file-size must be at least 1 MiB, got " + maxFileSizeMib);
        }
        return new ImageOptions(platform, maxFileSizeMib * 1024 * 1024, tempDir, progress);
    }
}
