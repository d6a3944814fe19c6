package dev.portcullis.cli;

import dev.portcullis.report.json.InventoryJsonWriter;
import dev.portcullis.report.table.TableWriter;
import dev.portcullis.sbom.cyclonedx.CycloneDxWriter;
import dev.portcullis.sbom.spdx.SpdxWriter;
import java.util.Locale;

/** Output formats of {@code scan}. */
enum InventoryFormat {
    TABLE,
    JSON,
    CYCLONEDX,
    SPDX;

    InventoryWriter writer() {
        return switch (this) {
            case TABLE -> new TableWriter()::write;
            case JSON -> new InventoryJsonWriter()::write;
            case CYCLONEDX -> new CycloneDxWriter()::write;
            case SPDX -> new SpdxWriter()::write;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
