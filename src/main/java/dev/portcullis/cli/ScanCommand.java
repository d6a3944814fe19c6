package dev.portcullis.cli;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portcullis scan IMAGE}: catalogs the image and prints its inventory. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = "Catalog the packages of an image and print the inventory.")
final class ScanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IMAGE", description = "The image to scan (see 'portcullis --help').")
    String image;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table on a terminal, json otherwise).")
    InventoryFormat format;

    @Mixin
    OutputOptions output;

    @Mixin
    ImageOptionsMixin imageOptions;

    @Mixin
    LoggingOptions logging;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        Inventory inventory = scan();
        InventoryFormat chosen = format != null ? format
                : output.toTerminal() ? InventoryFormat.TABLE : InventoryFormat.JSON;
        output.write(out -> chosen.writer().write(inventory, out));
        return ExitCode.OK;
    }

    private Inventory scan() throws ImageException {
        var options = imageOptions.toImageOptions(LayerProgress.forTerminal(logging.quiet()));
        return new InventoryScanner(options, imageOptions.toLocator()).scan(image);
    }
}
