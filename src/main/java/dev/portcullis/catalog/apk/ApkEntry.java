package dev.portcullis.catalog.apk;

import dev.portcullis.catalog.LayerAttribution;
import java.util.List;

/**
 * One package record of the apk database.
 *
 * @param origin the {@code o:} field: the source package (aport) the package was built from, or null
 * @param license the {@code L:} field as declared, or null
 * @param files absolute paths of the files ({@code R:} lines under their {@code F:} folder)
 */
record ApkEntry(
        String name,
        String version,
        String architecture,
        String origin,
        String license,
        String maintainer,
        String checksum,
        List<String> files) {

    String key() {
        return LayerAttribution.key(name, version, architecture);
    }
}
