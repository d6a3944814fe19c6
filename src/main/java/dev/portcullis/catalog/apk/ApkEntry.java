package dev.portcullis.catalog.apk;

import dev.portcullis.catalog.LayerAttribution;
import java.util.List;

/**
 * One package record of the apk database.
 *
 * @param origin the {@code o:} field: the source package (aport) the package was built from, or null
 * @param license the {@code L:} field as declared, or null
 * @param files absolute paths of the files ({@code R:} lines under their {@code F:} folder)
 * @param depends the {@code D:} field: space-separated names, {@code so:}, {@code cmd:} or {@code pc:}
 *     names with optional version constraints, and {@code !} conflicts, or null
 * @param provides the {@code p:} field: space-separated names with optional {@code =version}, or null
 */
record ApkEntry(
        String name,
        String version,
        String architecture,
        String origin,
        String license,
        String maintainer,
        String checksum,
        List<String> files,
        String depends,
        String provides) {

    String key() {
        return LayerAttribution.key(name, version, architecture);
    }
}
