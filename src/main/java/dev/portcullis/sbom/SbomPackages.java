package dev.portcullis.sbom;

import dev.portcullis.catalog.Package;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts packages in a stable order and gives each one a reference that is unique within a document, so
 * that SBOM output is deterministic and two copies of one package at different paths both appear.
 *
 * <p>The reference is the purl when no other package has the same purl. Otherwise it is the purl,
 * {@code #} and 12 hex digits of a SHA-256 over the package's locations and layer digest, for example
 * {@code pkg:npm/lodash@4.17.15#3f2a9c01d4e5}. A package without a purl uses
 * {@code portcullis:<type>/<name>@<version>} in place of the purl.
 */
public final class SbomPackages {

    /** Orders by purl type, name, version, first location, then layer index, with nulls first. */
    public static final Comparator<Package> ORDER = Comparator
            .comparing((Package p) -> p.type().purlType())
            .thenComparing(Package::name, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Package::version, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SbomPackages::firstLocation, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.layer() == null ? -1 : p.layer().index());

    private SbomPackages() {}

    /** A package with its document-unique reference. */
    public record Identified(String ref, Package pkg) {}

    /** Returns the packages in {@link #ORDER}, each with a reference unique among them. */
    public static List<Identified> identify(List<Package> packages) {
        List<Package> sorted = packages.stream().sorted(ORDER).toList();
        Map<String, Integer> baseCounts = new HashMap<>();
        sorted.forEach(p -> baseCounts.merge(baseRef(p), 1, Integer::sum));

        Set<String> used = new HashSet<>();
        List<Identified> identified = new ArrayList<>(sorted.size());
        for (Package pkg : sorted) {
            String base = baseRef(pkg);
            String ref = baseCounts.get(base) == 1 ? base : base + "#" + shortHash(locationKey(pkg));
            // Identical copies (same locations and layer) still need distinct references.
            String unique = ref;
            for (int n = 2; !used.add(unique); n++) {
                unique = ref + "-" + n;
            }
            identified.add(new Identified(unique, pkg));
        }
        return identified;
    }

    /** Returns the first 12 hex digits of the SHA-256 of the text. */
    public static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    private static String baseRef(Package pkg) {
        if (pkg.purl() != null && !pkg.purl().isBlank()) {
            return pkg.purl();
        }
        return "portcullis:" + pkg.type().purlType() + "/" + pkg.name() + "@" + pkg.version();
    }

    private static String locationKey(Package pkg) {
        String layer = pkg.layer() == null ? "" : pkg.layer().digest();
        List<String> locations = pkg.locations() == null ? List.of() : pkg.locations();
        return String.join("\n", locations) + "\n" + layer;
    }

    private static String firstLocation(Package pkg) {
        return pkg.locations() == null || pkg.locations().isEmpty() ? null : pkg.locations().getFirst();
    }
}
