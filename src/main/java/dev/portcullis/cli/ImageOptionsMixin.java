package dev.portcullis.cli;

import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.ReadProgress;
import dev.portcullis.image.registry.RegistryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Allow plain HTTP to this registry (repeatable); every other registry needs HTTPS.")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--registry-ca", paramLabel = "FILE",
            description = "Trust the CA certificates in this PEM file for registry HTTPS, besides the JDK's.")
    Path registryCa;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Folder for blobs pulled from registries (default: $XDG_CACHE_HOME/portcullis/registry or"
                    + " ~/.cache/portcullis/registry).")
    Path cacheDir;

    RegistryOptions toRegistryOptions() {
        RegistryOptions options = RegistryOptions.defaults().withInsecureRegistries(Set.copyOf(insecureRegistries));
        if (cacheDir != null) {
            options = options.withCacheFolder(cacheDir);
        }
        if (registryCa != null) {
            if (!Files.isReadable(registryCa)) {
                throw new UsageException("--registry-ca " + registryCa + " is not a readable file");
            }
            options = options.withCaFile(registryCa);
        }
        return options;
    }

    ImageLocator toLocator() {
        return new ImageLocator(toRegistryOptions(), platform);
    }

    ImageOptions toImageOptions(ReadProgress progress) {
        if (maxFileSizeMib < 1) {
            throw new UsageException("--max-file-size must be at least 1 MiB, got " + maxFileSizeMib);
        }
        return new ImageOptions(platform, maxFileSizeMib * 1024 * 1024, tempDir, progress);
    }
}
