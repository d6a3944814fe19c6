package dev.portcullis.catalog;

import dev.portcullis.image.Layer;
import java.util.List;
import java.util.Map;

/**
 * One installed package and where it was found.
 *
 * @param type ecosystem
 * @param name package name as its ecosystem writes it
 * @param version full version as installed, including any epoch
 * @param architecture machine architecture for distro packages, or null
 * @param source source package for distro packages, or null
 * @param purl package URL
 * @param foundBy name of the cataloger, for example {@code dpkg-db-cataloger}
 * @param locations paths of the files that declared the package (a status file, a package.json)
 * @param files paths the package owns as its database lists them, possibly empty
 * @param layer the layer that added this version of the package, or null when unknown
 * @param licenses licence expressions or names as declared, possibly empty
 * @param properties further facts worth keeping (maintainer, origin, status), possibly empty
 */
public record Package(
        PackageType type,
        String name,
        String version,
        String architecture,
        SourcePackage source,
        String purl,
        String foundBy,
        List<String> locations,
        List<String> files,
        Layer layer,
        List<String> licenses,
        Map<String, String> properties) {

    /** Returns the source package name, or the binary name when the package names no source. */
    public String sourceNameOrName() {
        return source != null && source.name() != null ? source.name() : name;
    }

    public Package withLayer(Layer newLayer) {
        return new Package(type, name, version, architecture, source, purl, foundBy, locations, files, newLayer,
                licenses, properties);
    }
}
