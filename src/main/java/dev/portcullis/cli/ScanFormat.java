package dev.portcullis.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Output formats of {@code scan}. The inventory formats need no database; the VEX and SARIF formats
 * report triaged findings and need one.
 */
enum ScanFormat {
    TABLE("table", false),
    JSON("json", false),
    CYCLONEDX("cyclonedx", false),
    SPDX("spdx", false),
    OPENVEX("openvex", true),
    CYCLONEDX_VEX("cyclonedx-vex", true),
    SARIF("sarif", true);

    private final String label;
    private final boolean needsTriage;

    ScanFormat(String label, boolean needsTriage) {
        this.label = label;
        this.needsTriage = needsTriage;
    }

    boolean needsTriage() {
        return needsTriage;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Reads a format by its label, for example {@code cyclonedx-vex}. */
    static final class Converter implements ITypeConverter<ScanFormat> {
        @Override
        public ScanFormat convert(String value) {
            String key = value.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(format -> format.label.equals(key)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("invalid format '" + value + "': expected one of "
                            + String.join(", ", Arrays.stream(values()).map(ScanFormat::toString).toList())));
        }
    }

    /** Lists the labels for help text and shell completion. */
    static final class Labels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(ScanFormat::toString).iterator();
        }
    }
}
