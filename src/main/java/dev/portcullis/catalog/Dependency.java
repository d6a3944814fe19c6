package dev.portcullis.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A relationship between two packages of one inventory, or between the scanned image or project folder
 * ({@link #ROOT_ID}) and a package it uses directly.
 *
 * <p>Packages are named by {@link #idOf(Package)}, which is stable for a package's purl, locations and
 * properties and ignores its layer. Example: the installed
 * {@code /usr/src/app/node_modules/@nestjs/platform-express} package depending on the nested
 * {@code .../platform-express/node_modules/express} copy is
 * {@code new Dependency(idOf(platformExpress), idOf(nestedExpress), Kind.DEPENDS_ON)}.
 *
 * @param fromPackageId the package that depends on or contains the other, or {@link #ROOT_ID}
 * @param toPackageId the package depended on or contained
 * @param kind how the two relate
 */
public record Dependency(String fromPackageId, String toPackageId, Kind kind) {

    /** The id of the scanned image or project folder itself, which is not a package of the inventory. */
    public static final String ROOT_ID = "root";

    /** The kind of relationship between two packages. */
    public enum Kind {
        /** The first package needs the second at run time or, for development packages, to build. */
        DEPENDS_ON,
        /** The first package is an archive that carries the second inside it, such as a jar inside a war. */
        CONTAINS
    }

    /** Returns the edge {@code from} depends on {@code to}. */
    public static Dependency dependsOn(Package from, Package to) {
        return new Dependency(idOf(from), idOf(to), Kind.DEPENDS_ON);
    }

    /** Returns the edge from the scanned image or project folder to a package it uses directly. */
    public static Dependency rootDependsOn(Package to) {
        return new Dependency(ROOT_ID, idOf(to), Kind.DEPENDS_ON);
    }

    /** Returns the edge {@code outer} contains {@code inner}. */
    public static Dependency contains(Package outer, Package inner) {
        return new Dependency(idOf(outer), idOf(inner), Kind.CONTAINS);
    }

    /**
     * Returns the id of a package within an inventory: its purl, {@code #} and 16 hex digits of a SHA-256
     * over its locations and properties, for example {@code pkg:npm/express@5.1.0#9c1d0e7a55b2f031}. The
     * layer is left out so that a package keeps its id when a layer is attached later. Two packages with
     * the same purl, locations and properties get the same id, and nothing in the inventory distinguishes
     * them anyway.
     */
    public static String idOf(Package pkg) {
        String purl = pkg.purl() != null && !pkg.purl().isBlank()
                ? pkg.purl()
                : "portcullis:" + pkg.type().purlType() + "/" + pkg.name() + "@" + pkg.version();
        List<String> locations = pkg.locations() == null ? List.of() : pkg.locations();
        Map<String, String> properties = pkg.properties() == null ? Map.of() : new TreeMap<>(pkg.properties());
        return purl + "#" + sha256Prefix(String.join("\n", locations) + "\n" + properties);
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }
}
