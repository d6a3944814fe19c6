package dev.portcullis.report.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.match.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes an inventory in the Portcullis JSON inventory format, version 1.2. The format is described in
 * {@code docs/json-format.md}, and its JSON Schema (draft 2020-12) is
 * {@code docs/schema/inventory-v1.json}, also on the classpath as {@link #SCHEMA_RESOURCE}.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(Path.of("inventory.json"))) {
 *     new InventoryJsonWriter().write(inventory, out);
 * }
 * // {"schemaVersion":"1.2","tool":{"name":"portcullis","version":"0.1.0"},"image":{...},...}
 * }</pre>
 */
public final class InventoryJsonWriter {

    /** Classpath location of the JSON Schema that output of this writer validates against. */
    public static final String SCHEMA_RESOURCE = "/dev/portcullis/report/json/inventory-v1.json";

    private final ObjectWriter writer = new ObjectMapper().writerWithDefaultPrettyPrinter();

    /** Writes the inventory as UTF-8 JSON and leaves the stream open. */
    public void write(Inventory inventory, OutputStream out) throws IOException {
        write(inventory, null, out);
    }

    /**
     * Returns the inventory with its findings as a JSON tree, for a caller that adds a section.
     *
     * @param findings the findings of a scan with a vulnerability database, or null for a scan without one
     */
    public ObjectNode document(Inventory inventory, List<Finding> findings) {
        return new ObjectMapper().valueToTree(InventoryJsonMapper.toJson(inventory, findings));
    }

    /**
     * Writes the inventory with its findings as UTF-8 JSON and leaves the stream open.
     *
     * @param findings the findings of a scan with a vulnerability database, or null for a scan without one
     */
    public void write(Inventory inventory, List<Finding> findings, OutputStream out) throws IOException {
        out.write(writer.writeValueAsBytes(InventoryJsonMapper.toJson(inventory, findings)));
        out.write('\n');
        out.flush();
    }
}
