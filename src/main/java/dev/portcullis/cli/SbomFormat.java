package dev.portcullis.cli;

import dev.portcullis.sbom.cyclonedx.CycloneDxWriter;
import dev.portcullis.sbom.spdx.SpdxWriter;
import java.util.Locale;

/** Output formats of {@code sbom}. */
enum SbomFormat {
    CYCLONEDX,
    SPDX;

    InventoryWriter writer() {
        return switch (this) {
            case CYCLONEDX -> new CycloneDxWriter()::write;
            case SPDX -> new SpdxWriter()::write;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
