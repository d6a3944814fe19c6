package dev.portcullis.version;

import io.github.nscuro.versatile.VersionFactory;
import io.github.nscuro.versatile.spi.Version;

/** Reads versions with versatile, turning its errors into {@link InvalidVersionException}. */
final class VersatileVersions {

    private VersatileVersions() {}

    static Version parse(String scheme, String version) {
        if (version.isBlank()) {
            throw new InvalidVersionException(scheme, version, "version is empty");
        }
        try {
            return VersionFactory.forScheme(scheme, version.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidVersionException(scheme, version, e.getMessage(), e);
        }
    }
}
