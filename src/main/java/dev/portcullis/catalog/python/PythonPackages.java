package dev.portcullis.catalog.python;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.Layer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds Python packages with their package URLs, shared by the Python catalogers. */
final class PythonPackages {

    private PythonPackages() {}

    /**
     * Normalizes a distribution name as PEP 503 does: lower case, each run of {@code -}, {@code _} and
     * {@code .} replaced by one {@code -}. {@code Flask_SQLAlchemy} becomes {@code flask-sqlalchemy}.
     *
     * @see <a href="https://peps.python.org/pep-0503/#normalized-names">PEP 503</a>
     */
    static String normalize(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    /** Builds {@code pkg:pypi/<normalized name>@version}, or returns null when the parts are not valid. */
    static String purl(String name, String version) {
        try {
            return new PackageURL(PackageType.PYPI.purlType(), null, normalize(name), version, null, null)
                    .canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }

    static Package create(String name, String version, String foundBy, String location, List<String> files,
            Layer layer, List<String> licenses, Map<String, String> properties) {
        return new Package(PackageType.PYPI, name, version, null, null, purl(name, version), foundBy,
                List.of(location), files, layer, licenses, properties);
    }
}
