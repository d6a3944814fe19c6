package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls images from registries that speak the OCI distribution API into local OCI image layouts in
 * the cache folder. Blobs are stored once by digest and shared by every layout, so pulling an image
 * again fetches only its tag's manifest and whatever blobs are new.
 *
 * <pre>{@code
 * try (RegistryClient client = new RegistryClient(RegistryOptions.defaults())) {
 *     PulledImage image = client.pull("node:20", "linux/arm64");
 *     // image.layout() is an OCI layout whose index.json names the image by image.tag()
 * }
 * }</pre>
 *
 * <p>One instance keeps tokens between requests and is not thread-safe.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pull">OCI distribution: pull</a>
 */
public final class RegistryClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryClient.class);
    private static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
    private static final int MAX_INDEX_DEPTH = 3;
    private static final int TAG_PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryOptions options;
    private final HttpClient http;
    private final RegistryTransport transport;
    private final BlobStore store;
    private final OciLayoutWriter layoutWriter;
    private final TagLister tagLister;
    private final ScheduledExecutorService idleWatchdog;

    /** @throws ImageException when the CA file cannot be used */
    public RegistryClient(RegistryOptions options) throws ImageException {
        this.options = options;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout())
                .sslContext(TlsContexts.forCaFile(options.caFile()))
                .build();
        DockerCredentialStore credentials =
                new DockerCredentialStore(options.dockerConfig(), options.credentialHelperDirs());
        this.transport = new RegistryTransport(options, http, new RegistryAuthorizer(options, http, credentials));
        this.store = new BlobStore(options.cacheFolder());
        this.layoutWriter = new OciLayoutWriter(store);
        this.tagLister = new TagLister(transport);
        this.idleWatchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "registry-idle-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Pulls an image into an OCI layout under the cache folder.
     *
     * @param reference a registry reference such as {@code registry.example/team/app:1.4} or {@code node:20}
     * @param platform {@code os/arch[/variant]} to pick from an image index, null for linux/amd64
     * @throws ImageException when the reference is invalid or the image cannot be fetched, with a
     *     message naming the registry and what to do
     */
    public PulledImage pull(String reference, String platform) throws ImageException {
        ImageReference ref = ImageReference.parse(reference);
        Platform requested = Platform.parse(platform);
        ManifestDocument document = fetchManifest(ref, ref.manifestReference());
        Descriptor manifest = new Descriptor(document.mediaType(), document.digest(), document.bytes().length, null);
        for (int depth = 0; document.isIndex(); depth++) {
            if (depth == MAX_INDEX_DEPTH) {
                throw new ImageException("Image index of " + ref + " nests more than " + MAX_INDEX_DEPTH + " levels deep");
            }
            manifest = PlatformSelector.select(ref, document, requested);
            document = fetchManifest(ref, manifest.digest());
        }

        List<Descriptor> blobs = new ArrayList<>();
        blobs.add(document.config());
        blobs.addAll(document.layers());
        Downloads configDownload = fetchMissingBlobs(ref, List.of(document.config()));
        if (manifest.platform() == null && platform != null && !platform.isBlank()) {
            checkConfigPlatform(ref, document.config(), requested);
        }
        Downloads downloads = configDownload.plus(fetchMissingBlobs(ref, document.layers()));

        List<String> digests = new ArrayList<>();
        digests.add(manifest.digest());
        blobs.forEach(blob -> digests.add(blob.digest()));
        String tag = ref.tag() != null ? ref.tag() : manifest.hex();
        Path layout = layoutFolder(ref, manifest);
        layoutWriter.write(layout, manifest, tag, digests);

        int reused = blobs.size() - downloads.blobs();
        LOG.info("Pulled {} into {}: {} blobs downloaded ({} bytes), {} from the cache",
                ref, layout, downloads.blobs(), downloads.bytes(), reused);
        return new PulledImage(layout, tag, manifest.digest(), manifest.platform(), downloads.blobs(),
                downloads.bytes(), reused);
    }

    /**
     * Lists the tags of the reference's repository; the reference's own tag and digest are ignored.
     *
     * @throws ImageException when the repository does not exist or the registry cannot be reached
     */
    public List<String> listTags(String reference) throws ImageException {
        return listTags(reference, TAG_PAGE_SIZE);
    }

    /** Lists the tags with the given page size, so that tests can make a registry split a short list. */
    List<String> listTags(String reference, int pageSize) throws ImageException {
        return tagLister.list(ImageReference.parse(reference), pageSize);
    }

    /**
     * Finds the digest a tag points at now with a HEAD request, which a registry that counts pulls by
     * manifest GET requests does not count. For an image index the index is fetched as well, so that
     * a caller can tell whether a platform manifest digest it stored earlier still belongs to the tag.
     *
     * @throws ImageException when the reference has no tag, the tag does not exist or the registry
     *     cannot be reached
     */
    public TagDigest resolveTag(String reference) throws ImageException {
        ImageReference ref = ImageReference.parse(reference);
        if (ref.tag() == null) {
            throw new ImageException("Image reference " + reference + " has no tag to resolve; give NAME:TAG");
        }
        ImageReference tagOnly = new ImageReference(ref.registry(), ref.repository(), ref.tag(), null);
        HttpResponse<InputStream> head =
                transport.head(tagOnly, "manifests/" + ref.tag(), ManifestDocument.ACCEPT, "manifest " + ref.tag());
        Optional<String> digest = head.headers().firstValue("Docker-Content-Digest");
        String mediaType = head.headers().firstValue("Content-Type").map(type -> type.split(";")[0].strip()).orElse("");
        if (digest.isPresent() && !ManifestDocument.isIndexType(mediaType)) {
            return new TagDigest(tagOnly, digest.get(), mediaType, List.of());
        }
        // The registry sent no digest, or the tag names an index whose platform manifests are needed too.
        ManifestDocument document = fetchManifest(tagOnly, digest.orElse(ref.tag()));
        List<String> platforms = document.isIndex()
                ? document.manifests().stream().map(Descriptor::digest).toList()
                : List.of();
        return new TagDigest(tagOnly, document.digest(), document.mediaType(), platforms);
    }

    @Override
    public void close() {
        idleWatchdog.shutdownNow();
        http.close();
    }

    private ManifestDocument fetchManifest(ImageReference ref, String reference) throws ImageException {
        boolean byDigest = reference.startsWith("sha256:");
        if (byDigest && store.contains(reference, -1)) {
            return ManifestDocument.parse(ref, reference, store.read(reference), null);
        }
        HttpResponse<InputStream> response =
                transport.get(ref, "manifests/" + reference, ManifestDocument.ACCEPT, "manifest " + reference);
        byte[] bytes = readManifest(ref, reference, response);
        String digest = BlobStore.sha256Digest(bytes);
        if (byDigest && !digest.equals(reference)) {
            throw new ImageException("Manifest " + reference + " of " + ref + " has the digest " + digest
                    + " on registry " + ref.endpoint() + ". The registry or a proxy served other content: try again");
        }
        String served = response.headers().firstValue("Docker-Content-Digest").orElse(digest);
        if (!served.equals(digest)) {
            LOG.warn("Registry {} names manifest {} of {} by the digest {}, but its bytes hash to {}; using the latter",
                    ref.endpoint(), reference, ref, served, digest);
        }
        store.writeVerified(digest, bytes);
        return ManifestDocument.parse(ref, digest, bytes, response.headers().firstValue("Content-Type").orElse(null));
    }

    private static byte[] readManifest(ImageReference ref, String reference, HttpResponse<InputStream> response)
            throws ImageException {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw new ImageException("Manifest " + reference + " of " + ref + " is larger than "
                        + MAX_MANIFEST_BYTES + " bytes, the limit for manifests");
            }
            return bytes;
        } catch (IOException e) {
            throw new ImageException("Reading manifest " + reference + " of " + ref + " from registry "
                    + ref.endpoint() + " failed: " + e.getMessage() + ". Try again", e);
        }
    }

    private record Downloads(int blobs, long bytes) {

        Downloads plus(Downloads other) {
            return new Downloads(blobs + other.blobs, bytes + other.bytes);
        }
    }

    private Downloads fetchMissingBlobs(ImageReference ref, List<Descriptor> blobs) throws ImageException {
        int count = 0;
        long bytes = 0;
        for (Descriptor blob : blobs) {
            checkDigest(ref, blob);
            if (store.contains(blob.digest(), blob.size())) {
                LOG.debug("Blob {} of {} is in the cache", blob.digest(), ref);
                continue;
            }
            downloadBlob(ref, blob);
            count++;
            bytes += blob.size();
        }
        return new Downloads(count, bytes);
    }

    private void downloadBlob(ImageReference ref, Descriptor blob) throws ImageException {
        String what = "blob " + blob.digest();
        LOG.info("Downloading {} of {} ({} bytes)", what, ref, blob.size());
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response = transport.get(ref, "blobs/" + blob.digest(), null, what);
            try (InputStream body = new IdleTimeoutInputStream(response.body(), options.requestTimeout(), idleWatchdog)) {
                store.write(blob.digest(), blob.size(), body, ref.endpoint() + "/" + ref.repository());
                return;
            } catch (IOException e) {
                transport.failUnlessRetryable(ref, attempt, e);
                transport.pause(ref, what, attempt, transport.backoff().delay(attempt, Optional.empty()),
                        e.toString());
            }
        }
    }

    /**
     * Rejects a single-platform image whose config names another platform than the one requested
     * explicitly, so that a scan never reports on an image other than the one asked for.
     */
    private void checkConfigPlatform(ImageReference ref, Descriptor config, Platform requested) throws ImageException {
        JsonNode node;
        try {
            node = JSON.readTree(store.read(config.digest()));
        } catch (IOException e) {
            throw new ImageException("Config " + config.digest() + " of " + ref + " is not valid JSON: " + e.getMessage(), e);
        }
        String os = node.path("os").asText("");
        String architecture = node.path("architecture").asText("");
        String variant = node.hasNonNull("variant") ? node.path("variant").asText() : null;
        if (!requested.matches(os, architecture, variant)) {
            Platform actual = new Platform(os, architecture, variant);
            throw new ImageException("Image " + ref + " is built for " + actual + " only, not for the requested platform "
                    + requested + ". Pull it with --platform " + actual + " or choose an image for " + requested);
        }
    }

    private static void checkDigest(ImageReference ref, Descriptor blob) throws ImageException {
        if (!blob.digest().matches("sha256:[0-9a-f]{64}")) {
            throw new ImageException("Manifest of " + ref + " names the blob '" + blob.digest()
                    + "'; only sha256 digests are supported");
        }
    }

    private Path layoutFolder(ImageReference ref, Descriptor manifest) {
        Path folder = options.cacheFolder().resolve("layouts").resolve(ref.registry().replace(':', '_'));
        for (String component : ref.repository().split("/")) {
            folder = folder.resolve(component);
        }
        return folder.resolve(manifest.hex());
    }
}
