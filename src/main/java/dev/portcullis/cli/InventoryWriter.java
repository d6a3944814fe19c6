package dev.portcullis.cli;

import dev.portcullis.catalog.Inventory;
import java.io.IOException;
import java.io.OutputStream;

/** Writes an inventory in one output format. */
@FunctionalInterface
interface InventoryWriter {
    void write(Inventory inventory, OutputStream out) throws IOException;
}
