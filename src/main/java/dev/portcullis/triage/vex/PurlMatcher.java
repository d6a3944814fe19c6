package dev.portcullis.triage.vex;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.image.ImageMetadata;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a statement's package URL with a package's or an image's.
 *
 * <p>Type, namespace and name must be equal, and the version too when the statement names one. Of
 * the qualifiers only {@code distro} and {@code arch} count, and only when both sides have them, so
 * {@code pkg:deb/debian/openssl@3.0.15-1~deb12u1} matches
 * {@code pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=amd64&distro=debian-12}; {@code repository_url}
 * and the rest never prevent a match.
 *
 * @see <a href="https://github.com/package-url/purl-spec/blob/main/PURL-SPECIFICATION.rst">purl specification</a>
 */
public final class PurlMatcher {

    private PurlMatcher() {}

    /** Returns whether the statement's purl names the package's purl. */
    public static boolean matches(String statementPurl, String packagePurl) {
        if (statementPurl == null || packagePurl == null) {
            return false;
        }
        try {
            PackageURL statement = new PackageURL(statementPurl);
            PackageURL pkg = new PackageURL(packagePurl);
            return statement.getType().equals(pkg.getType())
                    && Objects.equals(lower(statement.getNamespace()), lower(pkg.getNamespace()))
                    && statement.getName().equalsIgnoreCase(pkg.getName())
                    && (statement.getVersion() == null || statement.getVersion().equals(pkg.getVersion()))
                    && sameWhereBothSay(statement, pkg, "distro")
                    && sameWhereBothSay(statement, pkg, "arch");
        } catch (MalformedPackageURLException e) {
            return statementPurl.equals(packagePurl);
        }
    }

    /**
     * Returns whether the statement's {@code pkg:oci} purl names the image: by digest (manifest or
     * config) when it has a version, else by the last segment of the image's repository name.
     */
    public static boolean matchesImage(String statementPurl, ImageMetadata image) {
        if (statementPurl == null || image == null || !statementPurl.startsWith("pkg:oci/")) {
            return false;
        }
        try {
            PackageURL statement = new PackageURL(statementPurl);
            if (statement.getVersion() != null) {
                return statement.getVersion().equals(image.manifestDigest())
                        || statement.getVersion().equals(image.configDigest());
            }
            return statement.getName().equalsIgnoreCase(repositoryName(image.reference()));
        } catch (MalformedPackageURLException e) {
            return false;
        }
    }

    private static String repositoryName(String reference) {
        if (reference == null) {
            return "";
        }
        String path = reference.replaceFirst("@.*$", "");
        int slash = path.lastIndexOf('/');
        String last = slash >= 0 ? path.substring(slash + 1) : path;
        int colon = last.indexOf(':');
        return colon >= 0 ? last.substring(0, colon) : last;
    }

    private static boolean sameWhereBothSay(PackageURL a, PackageURL b, String key) {
        Map<String, String> qa = a.getQualifiers();
        Map<String, String> qb = b.getQualifiers();
        if (qa == null || qb == null || !qa.containsKey(key) || !qb.containsKey(key)) {
            return true;
        }
        return qa.get(key).equalsIgnoreCase(qb.get(key));
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
