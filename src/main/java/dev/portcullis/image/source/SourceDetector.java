package dev.portcullis.image.source;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.SourceKind;
import dev.portcullis.image.json.JsonBlobReader;
import dev.portcullis.image.layer.Compression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Detects the kind of image an IMAGE path contains, unless a prefix forced the kind. A folder with {@code oci-layout} and
 * {@code index.json} is an OCI layout; another folder is a root filesystem when it has at least one
 * of the top-level folders every Linux root filesystem has. A file is a tar archive: with
 * {@code manifest.json} a docker-save tarball (Docker 25 and later add an OCI layout beside it), with
 * {@code index.json} alone an OCI archive.
 */
public final class SourceDetector {

    /** Top-level names of which a root filesystem folder has at least one, as a folder or link. */
    static final List<String> ROOTFS_MARKERS = List.of("etc", "usr", "bin", "sbin", "lib", "var");

    /**
     * Manifests and lockfiles that make a folder without {@code etc} or {@code usr} a project folder. A
     * project may well have a {@code bin} or {@code lib} folder, so those do not make it a root filesystem.
     */
    static final List<String> PROJECT_MARKERS = List.of("package.json", "package-lock.json", "npm-shrinkwrap.json",
            "yarn.lock", "pnpm-lock.yaml", "requirements.txt", "poetry.lock", "Pipfile.lock", "uv.lock", "go.mod",
            "Gemfile.lock", "Cargo.lock", "composer.lock", "pom.xml");

    private final JsonBlobReader json;

    public SourceDetector(JsonBlobReader json) {
        this.json = json;
    }

    /**
     * Opens the source a reference names.
     *
     * @param platform {@code os/arch[/variant]} to pick from an image index, or null for the default
     * @throws ImageException when the path contains no usable image
     */
    public LocalSource open(ImageReference reference, String platform) throws ImageException {
        Path path = reference.path();
        SourceKind kind = reference.forcedKind() != null ? reference.forcedKind() : detect(path);
        return switch (kind) {
            case ROOTFS, PROJECT -> rootFolder(path, kind);
            case OCI_LAYOUT -> layered(folderStore(path), store -> new OciLayoutSource(json)
                    .resolve(store, SourceKind.OCI_LAYOUT, reference.tag(), platform));
            case OCI_ARCHIVE -> layered(archiveStore(path), store -> new OciLayoutSource(json)
                    .resolve(store, SourceKind.OCI_ARCHIVE, reference.tag(), platform));
            case DOCKER_ARCHIVE -> layered(archiveStore(path), store -> new DockerArchiveSource(json)
                    .resolve(store, reference.tag()));
            case REGISTRY -> throw new ImageException("registry images are not read by this opener: " + path);
        };
    }

    private SourceKind detect(Path path) throws ImageException {
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve("oci-layout")) && Files.isRegularFile(path.resolve("index.json"))) {
                return SourceKind.OCI_LAYOUT;
            }
            boolean systemFolders = Files.exists(path.resolve("etc")) || Files.exists(path.resolve("usr"));
            if (!systemFolders && PROJECT_MARKERS.stream().anyMatch(name -> Files.isRegularFile(path.resolve(name)))) {
                return SourceKind.PROJECT;
            }
            if (ROOTFS_MARKERS.stream().anyMatch(name -> Files.exists(path.resolve(name)))) {
                return SourceKind.ROOTFS;
            }
            throw new ImageException(path + " contains no image: it is neither an OCI layout (oci-layout and "
                    + "index.json), a root filesystem (none of " + String.join(", ", ROOTFS_MARKERS)
                    + ") nor a project folder (no manifest or lockfile such as package.json); prefix it with dir: "
                    + "to read it as a root filesystem anyway");
        }
        try (TarBlobStore store = archiveStore(path)) {
            if (store.exists("manifest.json")) {
                return SourceKind.DOCKER_ARCHIVE;
            }
            if (store.exists("index.json")) {
                return SourceKind.OCI_ARCHIVE;
            }
        } catch (IOException e) {
            throw new ImageException("cannot read " + path + ": " + e.getMessage(), e);
        }
        throw new ImageException(path + " is a tar archive but not an image: it has neither manifest.json "
                + "(docker save) nor index.json (OCI archive)");
    }

    private static LocalSource rootFolder(Path path, SourceKind kind) throws ImageException {
        if (!Files.isDirectory(path)) {
            throw new ImageException(path + " is not a folder, so it cannot be read as a root filesystem");
        }
        return new LocalSource.RootFolder(path, kind);
    }

    private static BlobStore folderStore(Path path) throws ImageException {
        if (!Files.isDirectory(path)) {
            throw new ImageException(path + " is not a folder, so it cannot be an OCI layout; "
                    + "use oci-archive: for an OCI archive file");
        }
        return new DirectoryBlobStore(path);
    }

    private static TarBlobStore archiveStore(Path path) throws ImageException {
        if (Files.isDirectory(path)) {
            throw new ImageException(path + " is a folder, not an archive; drop the prefix or use oci: or dir:");
        }
        try {
            if (Files.size(path) == 0) {
                throw new ImageException(path + " is an empty file; give a docker-save tarball, an OCI archive "
                        + "or layout folder, or a root filesystem folder");
            }
            rejectCompressed(path);
        } catch (IOException e) {
            throw new ImageException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return TarBlobStore.open(path);
    }

    /** Rejects a compressed archive, such as {@code docker save | gzip}, which cannot be read by random access. */
    private static void rejectCompressed(Path path) throws IOException, ImageException {
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            Compression compression = Compression.detect(in);
            if (compression != Compression.NONE) {
                // TODO: decompress into the private temporary folder instead, for users with .tar.gz saves.
                throw new ImageException(path + " is " + compression.name().toLowerCase(java.util.Locale.ROOT)
                        + "-compressed; decompress it first (gunzip or zstd -d) and give the tar file");
            }
        }
    }

    private static LocalSource layered(BlobStore store, SourceReader reader) throws ImageException {
        try {
            return new LocalSource.Layered(reader.read(store));
        } catch (ImageException | RuntimeException e) {
            try {
                store.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface SourceReader {
        ResolvedImage read(BlobStore store) throws ImageException;
    }
}
