package dev.portcullis.report.json;

import java.util.List;
import java.util.Map;

/**
 * The Portcullis JSON inventory format, version 1, one record per JSON object. These wire records are
 * kept apart from the domain records, so that a change to the catalog model does not change the output
 * unnoticed. The schema is {@code docs/schema/inventory-v1.json}.
 */
public record InventoryJson(
        String schemaVersion,
        Tool tool,
        Image image,
        Distro distro,
        List<PackageEntry> packages,
        List<SkippedEntry> skipped,
        String scannedAt) {

    public static final String SCHEMA_VERSION = "1";

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

    public record PackageEntry(
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

    public record SkippedEntry(String location, String reason) {}
}
