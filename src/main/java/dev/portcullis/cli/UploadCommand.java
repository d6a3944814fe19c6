package dev.portcullis.cli;

import dev.portcullis.server.client.ScanUploader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis upload SBOM --server URL --api-key-env VAR --image NAME}: sends a CycloneDX JSON SBOM,
 * as {@code portcullis sbom IMAGE --format cyclonedx} writes it, to a Portcullis server as a new scan.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Upload a CycloneDX JSON SBOM to a Portcullis server, which stores and analyzes it.")
final class UploadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SBOM", description = "CycloneDX JSON file.")
    Path sbom;

    @Option(names = "--server", paramLabel = "URL", required = true, description = "Server URL, for example http://127.0.0.1:8080.")
    URI server;

    @Option(names = "--api-key", paramLabel = "KEY", description = "API key of write scope; prefer --api-key-env, which keeps it out of"
            + " the process list.")
    String apiKey;

    @Option(names = "--api-key-env", paramLabel = "VARIABLE", defaultValue = "PORTCULLIS_API_KEY",
            description = "Environment variable holding the API key (default: ${DEFAULT-VALUE}).")
    String apiKeyVariable;

    @Option(names = "--project", paramLabel = "NAME", defaultValue = "default", description = "Project name (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--image", paramLabel = "NAME", required = true, description = "Image name the scan belongs to.")
    String image;

    @Option(names = "--tag", paramLabel = "TAG", description = "Tag of the image, for example production; repeatable.")
    List<String> tags = List.of();

    @Override
    public Integer call() throws InterruptedException {
        String key = apiKey != null ? apiKey : System.getenv(apiKeyVariable);
        if (key == null || key.isBlank()) {
            throw new UsageException("missing API key: set " + apiKeyVariable + " or pass --api-key");
        }
        if (!Files.isRegularFile(sbom)) {
            throw new UsageException(sbom + ": SBOM file not found; write one with `portcullis sbom IMAGE --format"
                    + " cyclonedx --output FILE`");
        }
        byte[] document;
        try {
            document = Files.readAllBytes(sbom);
        } catch (IOException e) {
            throw new UsageException(sbom + ": cannot read the SBOM (" + e.getMessage() + ")", e);
        }
        ScanUploader.Reply response;
        try {
            response = new ScanUploader(server, key).upload(project, image, tags, document);
        } catch (IOException e) {
            throw new UsageException("upload to " + server + " failed (" + ServerUploadOptions.describe(e)
                    + "): check --server and that the"
                    + " server is running", e);
        }
        if (response.status() == 201) {
            spec.commandLine().getOut().println(response.body());
            return ExitCode.OK;
        }
        String failure = "upload to " + server + " failed with HTTP " + response.status() + ": " + response.body();
        if (response.status() / 100 == 4) {
            throw new UsageException(failure);
        }
        // A server error is no usage mistake, so it keeps exit code 3.
        spec.commandLine().getErr().println(Main.ERROR_PREFIX + failure);
        return ExitCode.INTERNAL;
    }
}
