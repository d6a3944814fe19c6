package dev.portcullis.report.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The Portcullis JSON inventory format, version 1, one record per JSON object. These wire records are
 * kept apart from the domain records, so that a change to the catalog model does not change the output
 * unnoticed. The schema is {@code docs/schema/inventory-v1.json}.
 *
 * @param dependencies the packages each package or the scanned image ({@code "root"}) depends on or
 *     contains, possibly empty
 * @param findings the vulnerabilities matched, or null when the scan used no vulnerability database
 */
public record InventoryJson(
        String schemaVersion,
        Tool tool,
        Image image,
        Distro distro,
        List<PackageEntry> packages,
        List<DependencyEntry> dependencies,
        List<SkippedEntry> skipped,
        String scannedAt,
        List<FindingEntry> findings) {

    /**
     * Version 1.1 adds {@code findings} and 1.2 adds {@code configuration}, so a version 1 reader that ignores
     * unknown fields reads it unchanged. {@code dependencies} and the package {@code id} were added within 1.2,
     * so older 1.2 documents lack them.
     */
    public static final String SCHEMA_VERSION = "1.2";

    public record Tool(String name, String version) {}

    public record Image(
            String reference,
            String kind,
            String manifestDigest,
            String configDigest,
            List<String> tags,
            String os,
            String architecture,
            String user,
            List<String> entrypoint,
            List<String> cmd,
            List<String> exposedPorts,
            Healthcheck healthcheck,
            Map<String, String> labels,
            List<LayerEntry> layers) {}

    /** The HEALTHCHECK of the image config, with durations in nanoseconds (0 when unset). */
    public record Healthcheck(List<String> test, long intervalNanos, long timeoutNanos, long startPeriodNanos,
            int retries) {}

    public record LayerEntry(int index, String digest, String diffId, long size, String mediaType,
            String createdBy) {}

    public record Distro(String id, String versionId, String codename, String prettyName) {}

    /**
     * One package.
     *
     * @param id the package's id within this document, which {@link DependencyEntry} refers to, such as
     *     {@code pkg:npm/express@5.1.0#9c1d0e7a55b2f031}
     */
    public record PackageEntry(
            String id,
            String type,
            String name,
            String version,
            String architecture,
            Source source,
            String purl,
            String foundBy,
            List<String> locations,
            LayerRef layer,
            List<String> licenses,
            Map<String, String> properties) {}

    public record Source(String name, String version) {}

    /** The layer that added a package, repeated from the image's layer list so that a package reads alone. */
    public record LayerRef(int index, String digest, String createdBy) {}

    /**
     * The packages one package or the scanned image depends on, or contains, as package ids.
     *
     * @param ref the id of the depending package, or {@code "root"} for the scanned image or project folder
     * @param kind {@code depends-on}, or {@code contains} for an archive that carries the packages inside it
     */
    public record DependencyEntry(String ref, List<String> dependsOn, String kind) {}

    public record SkippedEntry(String location, String reason) {}

    /** One finding: a package matched to one vulnerability, with every source's facts. */
    public record FindingEntry(
            String id,
            List<String> aliases,
            String summary,
            @JsonProperty("package") PackageRef pkg,
            String installedVersion,
            String fixState,
            String status,
            List<String> fixedVersions,
            List<String> affected,
            RatingEntry severity,
            List<RatingEntry> ratings,
            KevRef kev,
            EpssRef epss,
            LayerRef layer,
            List<BasisEntry> matchedBy) {}

    public record PackageRef(String type, String name, String version, String purl, String sourceName) {}

    public record RatingEntry(String level, String source, String type, Double score, String vector) {}

    public record KevRef(String dateAdded, String dueDate, String knownRansomwareCampaignUse, String requiredAction) {}

    public record EpssRef(double score, double percentile, String date) {}

    public record BasisEntry(String source, String advisoryId, String ecosystem, String packageName, String explanation) {}
}
