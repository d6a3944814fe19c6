package dev.portcullis.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.SourceKind;
import dev.portcullis.server.client.ScanUploader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The options of {@code scan} that upload its result to a Portcullis server, and the upload itself.
 *
 * <p>The API key is read from an environment variable only, because a key on the command line lands in
 * shell history and process lists. Example: {@code PORTCULLIS_API_KEY=pc_... portcullis scan
 * ghcr.io/acme/shop-api:1.2 --server http://127.0.0.1:8080 --tag production} uploads the scan as image
 * {@code ghcr.io/acme/shop-api} of project {@code shop-api}.
 */
final class ServerUploadOptions {

    /** A tag that is only a version or {@code latest}, such as {@code 1.4}, {@code v2.0.1-rc1} or {@code 20-slim}. */
    private static final Pattern VERSION_TAG = Pattern.compile("latest|v?[0-9][A-Za-z0-9._-]*");

    @Option(names = "--server", paramLabel = "URL",
            description = "Upload the scan to this Portcullis server after writing the report, for example"
                    + " http://127.0.0.1:8080 (see docs/server.md).")
    URI server;

    @Option(names = "--api-key-env", paramLabel = "NAME", defaultValue = "PORTCULLIS_API_KEY",
            description = "Environment variable that contains the API key of --server, of write scope"
                    + " (default: ${DEFAULT-VALUE}). scan takes no key on the command line, where shell history"
                    + " and process lists would show it.")
    String apiKeyVariable;

    @Option(names = "--project", paramLabel = "NAME",
            description = "Project of the uploaded scan (default: the repository name of the image, such as"
                    + " shop-api for ghcr.io/acme/shop-api:1.2).")
    String project;

    @Option(names = "--image", paramLabel = "NAME",
            description = "Image name of the uploaded scan (default: the image reference without its tag or"
                    + " digest).")
    String image;

    @Option(names = "--tag", paramLabel = "TAG",
            description = "Tag of the uploaded scan, for example production; repeatable.")
    List<String> tags = new ArrayList<>();

    /**
     * Reads the API key before the scan, so a missing key stops the command before the image is read.
     *
     * @return the API key, or null when no {@code --server} was given
     * @throws UsageException when an upload option comes without {@code --server}, or the key variable is unset
     */
    String apiKey(Map<String, String> environment) {
        if (server == null) {
            if (project != null || image != null || !tags.isEmpty()) {
                throw new UsageException("--project, --image and --tag name the scan on a server and need --server"
                        + " URL; add it or leave them out");
            }
            return null;
        }
        if (server.getScheme() == null || !server.getScheme().matches("https?") || server.getHost() == null) {
            throw new UsageException("invalid --server '" + server + "': expected an http or https URL such as"
                    + " http://127.0.0.1:8080");
        }
        String key = environment.get(apiKeyVariable);
        if (key == null || key.isBlank()) {
            throw new UsageException("missing API key for --server " + server + ": set the environment variable "
                    + apiKeyVariable + " to a key of write scope, or name another variable with --api-key-env");
        }
        return key;
    }

    /**
     * Uploads the scanned inventory and returns the exit code: {@link ExitCode#OK} when the server stored it,
     * {@link ExitCode#INTERNAL} on a server error.
     *
     * @throws UsageException when the server cannot be reached or rejects the request (HTTP 4xx)
     */
    int upload(Inventory inventory, String apiKey, boolean quiet, PrintStream err) throws InterruptedException {
        String imageName = image != null ? image : imageName(inventory.image());
        String projectName = project != null ? project : repositoryName(imageName);
        ScanUploader.Reply reply;
        try {
            reply = new ScanUploader(server, apiKey).upload(projectName, imageName, tags,
                    ScanUploader.document(inventory));
        } catch (IOException e) {
            throw new UsageException("upload to " + server + " failed (" + describe(e) + "); the report was written. Check"
                    + " --server and that the server is running", e);
        }
        if (reply.status() == 201) {
            if (!quiet) {
                err.println("portcullis: uploaded the scan to " + server + " as project " + projectName + ", image "
                        + imageName + " (" + storedIds(reply.body()) + ")");
            }
            return ExitCode.OK;
        }
        String failure = "upload to " + server + " failed with HTTP " + reply.status() + ": " + reply.body().strip();
        if (reply.status() / 100 == 4) {
            throw new UsageException(failure + "; the report was written. Check the API key in " + apiKeyVariable
                    + " and the --project, --image and --tag values");
        }
        // A server error is no usage mistake, so it keeps exit code 3 as `portcullis upload` does.
        err.println(Main.ERROR_PREFIX + failure + "; the report was written");
        return ExitCode.INTERNAL;
    }

    /** Returns the scan id and image id of the server's reply, or the reply itself when it has no such fields. */
    private static String storedIds(String reply) {
        try {
            JsonNode scan = new ObjectMapper().readTree(reply);
            if (scan != null && scan.has("id") && scan.has("imageId")) {
                return "scan id " + scan.path("id").asText() + ", image id " + scan.path("imageId").asText();
            }
        } catch (JsonProcessingException e) {
            // The reply is shown as the server sent it.
        }
        return reply.strip();
    }

    /**
     * Returns the image name without tag or digest: the registry reference, else the first tag of the archive
     * or layout that names a repository ({@code shop/api:1.4} from docker save, {@code demo-nest-api} as an
     * OCI ref name), else the reference as given. A bare version tag such as {@code 1.4} or {@code latest}
     * names no repository, so it is passed over. A kind prefix such as {@code oci:} is left out.
     */
    static String imageName(ImageMetadata metadata) {
        String name = metadata.reference();
        String prefix = metadata.kind() == null ? null : metadata.kind().prefix() + ":";
        if (prefix != null && name.startsWith(prefix)) {
            name = name.substring(prefix.length());
        }
        if (metadata.kind() != SourceKind.REGISTRY) {
            name = metadata.tags().stream()
                    .filter(tag -> tag.contains(":") || !VERSION_TAG.matcher(tag).matches())
                    .findFirst()
                    .orElse(name);
        }
        int digest = name.indexOf('@');
        if (digest >= 0) {
            name = name.substring(0, digest);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        return name;
    }

    /** Returns the last path segment of an image name, such as {@code shop-api} for {@code ghcr.io/acme/shop-api}. */
    static String repositoryName(String imageName) {
        String trimmed = imageName.endsWith("/") ? imageName.substring(0, imageName.length() - 1) : imageName;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** Describes a failed request in words: the JDK's connection errors often carry no message. */
    static String describe(IOException failure) {
        if (failure instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (failure instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (failure instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
