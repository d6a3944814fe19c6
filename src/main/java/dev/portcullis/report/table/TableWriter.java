package dev.portcullis.report.table;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Layer;
import dev.portcullis.image.Skipped;
import dev.portcullis.image.SourceKind;
import dev.portcullis.sbom.SbomPackages;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an inventory as a plain-text table for a terminal: a header line, one row per package sorted
 * by type then name, and the skipped items with their reasons when there are any. Column widths fit
 * the longest value up to a maximum, and longer values end in an ellipsis.
 *
 * <pre>
 * Image: oci:images/shop-api:1.4   Distro: Debian GNU/Linux 12 (bookworm)   Packages: 2
 *
 * NAME     VERSION           TYPE  SOURCE   LAYER
 * libc6    2.36-9+deb12u10   deb   glibc    #0 a2318d6c47ec
 * lodash   4.17.15           npm   -        #1 e4fd2a1c8b0d
 * </pre>
 */
public final class TableWriter {

    /** Default maximum width of a column in characters. */
    public static final int DEFAULT_MAX_WIDTH = 40;

    private static final List<String> HEADINGS = List.of("NAME", "VERSION", "TYPE", "SOURCE", "LAYER");
    private static final String GAP = "  ";
    private static final String ELLIPSIS = "…";
    private static final String NONE = "-";

    private final int maxWidth;

    public TableWriter() {
        this(DEFAULT_MAX_WIDTH);
    }

    /**
     * @param maxWidth maximum characters per column, at least 2 so that a truncated value keeps one
     *     character before the ellipsis
     */
    public TableWriter(int maxWidth) {
        if (maxWidth < 2) {
            throw new IllegalArgumentException("maxWidth must be at least 2, got " + maxWidth);
        }
        this.maxWidth = maxWidth;
    }

    /** Writes the table as UTF-8 and leaves the stream open. */
    public void write(Inventory inventory, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(inventory, writer);
        writer.flush();
    }

    /** Writes the table with {@code \n} line ends and leaves the writer open. */
    public void write(Inventory inventory, Writer out) throws IOException {
        out.write(headerLine(inventory));
        out.write("\n\n");

        List<List<String>> rows = inventory.packages().stream().sorted(SbomPackages.ORDER).map(this::row).toList();
        if (rows.isEmpty()) {
            out.write("No packages found.\n");
        } else {
            writeRows(out, rows);
        }

        if (!inventory.skipped().isEmpty()) {
            out.write("\nSkipped (" + inventory.skipped().size() + "):\n");
            for (Skipped skipped : inventory.skipped()) {
                out.write("  " + skipped.location() + ": " + skipped.reason() + "\n");
            }
        }
    }

    private void writeRows(Writer out, List<List<String>> rows) throws IOException {
        writeRows(out, HEADINGS, rows);
    }

    /** Writes a heading line and rows in columns as wide as their longest cell. */
    void writeRows(Writer out, List<String> headings, List<List<String>> rows) throws IOException {
        int[] widths = new int[headings.size()];
        List<List<String>> lines = new ArrayList<>();
        lines.add(headings);
        lines.addAll(rows);
        for (List<String> line : lines) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], length(line.get(column)));
            }
        }
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                String cell = line.get(column);
                text.append(cell);
                if (column < widths.length - 1) {
                    text.repeat(" ", widths[column] - length(cell)).append(GAP);
                }
            }
            out.write(text.toString().stripTrailing());
            out.write("\n");
        }
    }

    private List<String> row(Package pkg) {
        return List.of(fit(pkg.name()), fit(pkg.version()), fit(pkg.type().purlType()), fit(source(pkg)),
                fit(layer(pkg.layer())));
    }

    String fit(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        if (length(value) <= maxWidth) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, maxWidth - 1)) + ELLIPSIS;
    }

    private static String headerLine(Inventory inventory) {
        if (inventory.image().kind() == SourceKind.PROJECT) {
            // A project folder has no distro, and readers need to know which lockfiles the list comes from.
            List<String> files = inventory.packages().stream()
                    .flatMap(pkg -> pkg.locations().stream())
                    .distinct()
                    .sorted()
                    .toList();
            return "Project: " + inventory.image().reference() + "   Packages: " + inventory.packages().size()
                    + "\nFiles read: " + (files.isEmpty() ? "none with packages" : String.join(", ", files));
        }
        return "Image: " + inventory.image().reference() + "   Distro: " + distro(inventory.distro())
                + "   Packages: " + inventory.packages().size();
    }

    private static String distro(Distro distro) {
        if (distro == null || !distro.isKnown()) {
            return "unknown";
        }
        if (distro.prettyName() != null) {
            return distro.prettyName();
        }
        return distro.versionId() == null ? distro.id() : distro.id() + " " + distro.versionId();
    }

    // The source version is shown only where it differs from the binary version, as for binNMUs.
    private static String source(Package pkg) {
        if (pkg.source() == null || pkg.source().name() == null) {
            return null;
        }
        String version = pkg.source().version();
        return version == null || version.equals(pkg.version()) ? pkg.source().name()
                : pkg.source().name() + " " + version;
    }

    static String layer(Layer layer) {
        if (layer == null) {
            return null;
        }
        String digest = layer.digest() == null ? "" : layer.digest().substring(layer.digest().indexOf(':') + 1);
        String shortDigest = digest.length() > 12 ? digest.substring(0, 12) : digest;
        return ("#" + layer.index() + " " + shortDigest).strip();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
