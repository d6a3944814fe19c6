package dev.portcullis.cli;

import dev.portcullis.catalog.Inventory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portcullis sbom IMAGE}: writes a software bill of materials. */
@Command(
        name = "sbom",
        mixinStandardHelpOptions = true,
        description = "Write a software bill of materials (SBOM) of an image.")
final class SbomCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IMAGE", description = "The image to read (see 'portcullis --help').")
    String image;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "cyclonedx",
            description = "SBOM format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SbomFormat format;

    @Mixin
    OutputOptions output;

    @Mixin
    ImageOptionsMixin imageOptions;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        var options = imageOptions.toImageOptions(LayerProgress.forTerminal(logging.quiet()));
        Inventory inventory = new InventoryScanner(options, imageOptions.toLocator()).scan(image);
        output.write(out -> format.writer().write(inventory, out));
        return ExitCode.OK;
    }
}
