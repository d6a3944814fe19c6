package dev.portcullis.image.source;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.SourceKind;
import dev.portcullis.image.json.DockerManifestEntryJson;
import dev.portcullis.image.json.ImageConfigJson;
import dev.portcullis.image.json.JsonBlobReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a docker-save tarball through its {@code manifest.json}, in every form it comes in: classic
 * {@code <id>/layer.tar} layers, {@code <digest>.tar} layers (possibly behind {@code <id>/layer.tar}
 * links, as skopeo writes them), and the OCI {@code blobs/sha256/<hex>} layers of Docker 25 and later.
 * Layers named by their digest are verified against it; every layer is verified against the config's
 * diff ids.
 *
 * @see <a href="https://github.com/moby/moby/blob/master/image/spec/v1.2.md">Docker image specification v1.2</a>
 */
final class DockerArchiveSource {

    private static final int MAX_JSON_SIZE = 16 * 1024 * 1024;
    private static final Pattern BLOB_PATH = Pattern.compile("blobs/(sha256|sha512)/([a-f0-9]+)");
    private static final Pattern INDEX_TAG = Pattern.compile("@(\\d+)");

    private final JsonBlobReader json;

    DockerArchiveSource(JsonBlobReader json) {
        this.json = json;
    }

    /**
     * Picks the image a tag names ({@code name:tag}, or {@code @N} for the N-th image, 0-based), or the
     * only image when the tag is null.
     *
     * @throws ImageException when the manifest is invalid or names entries the archive lacks
     */
    ResolvedImage resolve(BlobStore store, String tag) throws ImageException {
        String manifestLocation = store.name() + " entry manifest.json";
        DockerManifestEntryJson[] images = json.read(store.readAll("manifest.json", MAX_JSON_SIZE),
                DockerManifestEntryJson[].class, manifestLocation);
        DockerManifestEntryJson image = select(List.of(images), tag, store.name());
        if (image.config() == null || image.layers() == null) {
            throw new ImageException(manifestLocation + " lacks Config or Layers; the tarball is damaged, so save it again");
        }

        String configPath = inside(store, image.config(), "config", manifestLocation);
        byte[] configBytes = store.readAll(configPath, MAX_JSON_SIZE);
        String configDigest = Digests.sha256(configBytes);
        ImageConfigJson config = json.read(configBytes, ImageConfigJson.class, store.name() + " entry " + configPath);

        List<LayerBlob> layers = new ArrayList<>();
        for (String layer : image.layers()) {
            String path = inside(store, layer, "layer", manifestLocation);
            layers.add(new LayerBlob(path, digestInName(path), store.size(path), null));
        }
        List<String> tags = image.repoTags() == null ? List.of() : List.copyOf(image.repoTags());
        return new ResolvedImage(SourceKind.DOCKER_ARCHIVE, store, null, configDigest, tags, config, List.copyOf(layers));
    }

    private static String inside(BlobStore store, String name, String what, String manifestLocation)
            throws ImageException {
        String path = ArchivePaths.normalize("", name);
        if (path == null || path.isEmpty()) {
            throw new ImageException(manifestLocation + " names " + what + " " + name
                    + " outside the archive; the tarball is invalid, so save it again");
        }
        if (!store.exists(path)) {
            throw new ImageException(manifestLocation + " names " + what + " " + name
                    + ", which the archive does not contain; the tarball is incomplete, so save it again");
        }
        return path;
    }

    private static String digestInName(String path) {
        Matcher matcher = BLOB_PATH.matcher(path);
        return matcher.matches() ? matcher.group(1) + ":" + matcher.group(2) : null;
    }

    private static DockerManifestEntryJson select(List<DockerManifestEntryJson> images, String tag, String source)
            throws ImageException {
        if (images.isEmpty()) {
            throw new ImageException(source + " entry manifest.json lists no images; save the image again");
        }
        if (tag == null) {
            if (images.size() == 1) {
                return images.getFirst();
            }
            throw new ImageException(source + " contains " + images.size() + " images; name one with PATH:TAG, tags: "
                    + String.join(", ", allTags(images)));
        }
        Matcher index = INDEX_TAG.matcher(tag);
        if (index.matches()) {
            int position = Integer.parseInt(index.group(1));
            if (position < images.size()) {
                return images.get(position);
            }
        }
        for (DockerManifestEntryJson image : images) {
            if (image.repoTags() != null && image.repoTags().stream().anyMatch(repoTag -> sameTag(repoTag, tag))) {
                return image;
            }
        }
        throw new ImageException(source + " has no image tagged '" + tag + "'; its tags: "
                + String.join(", ", allTags(images)));
    }

    /** Matches {@code demo:1} to {@code docker.io/library/demo:1}, as skopeo writes repository tags. */
    private static boolean sameTag(String repoTag, String tag) {
        return repoTag.equals(tag) || repoTag.endsWith("/" + tag);
    }

    private static List<String> allTags(List<DockerManifestEntryJson> images) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            List<String> repoTags = images.get(i).repoTags();
            tags.add(repoTags == null || repoTags.isEmpty() ? "@" + i + " (untagged)" : String.join(" ", repoTags));
        }
        return tags;
    }
}
