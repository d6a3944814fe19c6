package dev.portcullis.sbom.spdx;

import static dev.portcullis.sbom.spdx.SpdxJson.NOASSERTION;

import dev.portcullis.catalog.Package;
import dev.portcullis.image.Layer;
import dev.portcullis.sbom.SbomPackages;
import dev.portcullis.sbom.SpdxExpressions;
import dev.portcullis.sbom.spdx.SpdxJson.ExternalRef;
import dev.portcullis.sbom.spdx.SpdxJson.SpdxPackage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one catalog package into an SPDX package.
 *
 * <p>The supplier comes from the package property {@code maintainer} and the originator from
 * {@code author}, written as {@code Person: Name (email)} from {@code Name <email>}. Those fields do
 * not say whether they name a team or a person, so both are written as persons. Either is
 * {@code NOASSERTION} when the property is missing.
 */
final class SpdxPackageMapper {

    private static final Logger LOG = LoggerFactory.getLogger(SpdxPackageMapper.class);
    private static final Pattern NAME_AND_EMAIL = Pattern.compile("^\\s*([^<]*?)\\s*<([^>]*)>\\s*$");
    private static final Pattern INVALID_ID_CHARS = Pattern.compile("[^A-Za-z0-9.-]+");

    private final SpdxExpressions expressions;

    SpdxPackageMapper(SpdxExpressions expressions) {
        this.expressions = expressions;
    }

    /** Builds an SPDXID such as {@code SPDXRef-Package-npm-lodash-3f2a9c01d4e5}, hashed from the reference. */
    static String spdxId(SbomPackages.Identified identified) {
        Package pkg = identified.pkg();
        return "SPDXRef-Package-" + pkg.type().purlType() + "-" + idSafe(pkg.name()) + "-"
                + SbomPackages.shortHash(identified.ref());
    }

    /** Replaces every run of characters that SPDXIDs forbid with one {@code -}. */
    static String idSafe(String text) {
        String safe = INVALID_ID_CHARS.matcher(text == null ? "" : text).replaceAll("-");
        return safe.isEmpty() ? "unnamed" : safe;
    }

    SpdxPackage map(SbomPackages.Identified identified, String spdxId) {
        Package pkg = identified.pkg();
        Map<String, String> properties = pkg.properties() == null ? Map.of() : pkg.properties();
        List<ExternalRef> externalRefs = pkg.purl() == null ? null : List.of(ExternalRef.purl(pkg.purl()));
        return new SpdxPackage(spdxId, pkg.name(), pkg.version(), person(properties.get("maintainer")),
                person(properties.get("author")), NOASSERTION, false, sourceInfo(pkg), NOASSERTION,
                licenseDeclared(pkg), NOASSERTION, null, null, externalRefs, "LIBRARY");
    }

    /** Returns the declared licenses joined with AND, or NOASSERTION if any of them is not a valid expression. */
    private String licenseDeclared(Package pkg) {
        List<String> licenses = pkg.licenses() == null ? List.of() : pkg.licenses().stream().distinct().toList();
        if (licenses.isEmpty()) {
            return NOASSERTION;
        }
        // TODO: declare unlisted names (Debian's GPL-2+) as LicenseRef- ids in hasExtractedLicensingInfos,
        // so that they are not lost as NOASSERTION.
        return expressions.conjunction(licenses).orElseGet(() -> {
            LOG.debug("Licenses {} of {} {} are not a valid SPDX expression, so licenseDeclared is NOASSERTION",
                    licenses, pkg.name(), pkg.version());
            return NOASSERTION;
        });
    }

    /** Formats {@code Name <email>} as {@code Person: Name (email)}, or returns NOASSERTION for null or blank. */
    static String person(String value) {
        if (value == null || value.isBlank()) {
            return NOASSERTION;
        }
        Matcher matcher = NAME_AND_EMAIL.matcher(value);
        if (matcher.matches()) {
            return "Person: " + matcher.group(1) + " (" + matcher.group(2) + ")";
        }
        return "Person: " + value.strip();
    }

    // For example: "Found by dpkg-db-cataloger at /var/lib/dpkg/status in layer 0 (sha256:a231...).".
    private static String sourceInfo(Package pkg) {
        StringBuilder info = new StringBuilder("Found by ").append(pkg.foundBy());
        if (pkg.locations() != null && !pkg.locations().isEmpty()) {
            info.append(" at ").append(String.join(", ", pkg.locations()));
        }
        Layer layer = pkg.layer();
        if (layer != null) {
            info.append(" in layer ").append(layer.index()).append(" (").append(layer.digest()).append(')');
        }
        info.append('.');
        if (pkg.source() != null && pkg.source().name() != null) {
            info.append(" Built from source package ").append(pkg.source().name());
            if (pkg.source().version() != null) {
                info.append(' ').append(pkg.source().version());
            }
            info.append('.');
        }
        return info.toString();
    }
}
