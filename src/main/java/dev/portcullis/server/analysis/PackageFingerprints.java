package dev.portcullis.server.analysis;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Hashes of what the analysis found for each distinct package (distro, type, name, version). After a
 * database update, a package whose hash changed is one the changed advisories touch, and only scans
 * containing such a package are analyzed again.
 */
public final class PackageFingerprints {

    private final Jdbi jdbi;

    public PackageFingerprints(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static String key(Distro distro, Package pkg) {
        return String.join("|", String.valueOf(distro.id()), String.valueOf(distro.versionId()),
                String.valueOf(distro.codename()), pkg.type().purlType(), pkg.name(), pkg.version());
    }

    /** Hashes the findings of one package, in a stable order. */
    public static String fingerprint(List<StoredFinding> findings) {
        StringBuilder text = new StringBuilder();
        findings.stream().sorted(Comparator.comparing(StoredFinding::vulnId).thenComparing(StoredFinding::packageVersion))
                .forEach(f -> text.append(f).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Stores the hashes of a newly ingested scan's packages where none is stored yet. */
    void recordBaseline(Inventory inventory, List<StoredFinding> findings) {
        jdbi.useHandle(handle -> {
            var batch = handle.prepareBatch("""
                    insert into package_match (package_key, fingerprint) values (:key, :fingerprint)
                    on conflict (package_key) do nothing
                    """);
            for (Package pkg : inventory.packages()) {
                batch.bind("key", key(inventory.distro(), pkg))
                        .bind("fingerprint", fingerprint(IngestService.findingsOf(pkg, findings))).add();
            }
            if (!inventory.packages().isEmpty()) {
                batch.execute();
            }
        });
    }

    public Optional<String> stored(String key) {
        return jdbi.withHandle(handle -> handle.createQuery("select fingerprint from package_match where package_key = :key")
                .bind("key", key).mapTo(String.class).findOne());
    }

    public void store(Map<String, String> fingerprints) {
        jdbi.useHandle(handle -> {
            var batch = handle.prepareBatch("""
                    insert into package_match (package_key, fingerprint) values (:key, :fingerprint)
                    on conflict (package_key) do update set fingerprint = excluded.fingerprint
                    """);
            fingerprints.forEach((key, value) -> batch.bind("key", key).bind("fingerprint", value).add());
            if (!fingerprints.isEmpty()) {
                batch.execute();
            }
        });
    }
}
