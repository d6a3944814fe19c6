package dev.portcullis.report.json;

import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Healthcheck;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.Layer;
import dev.portcullis.image.Skipped;
import dev.portcullis.match.Finding;
import dev.portcullis.sbom.SbomPackages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Converts an inventory to the wire records of {@link InventoryJson}. Packages are sorted as in the
 * SBOMs, maps by key and skipped items by location, so equal inventories give equal JSON.
 */
final class InventoryJsonMapper {

    private InventoryJsonMapper() {}

    static InventoryJson toJson(Inventory inventory) {
        return toJson(inventory, null);
    }

    /** Converts the inventory with its findings; null findings mean no database was used. */
    static InventoryJson toJson(Inventory inventory, List<Finding> findings) {
        List<InventoryJson.PackageEntry> packages = inventory.packages().stream()
                .sorted(SbomPackages.ORDER)
                .map(InventoryJsonMapper::packageEntry)
                .toList();
        List<InventoryJson.SkippedEntry> skipped = inventory.skipped().stream()
                .sorted(Comparator.comparing(Skipped::location).thenComparing(Skipped::reason))
                .map(s -> new InventoryJson.SkippedEntry(s.location(), s.reason()))
                .toList();
        InventoryJson.Tool tool = new InventoryJson.Tool("portcullis", inventory.toolVersion());
        return new InventoryJson(InventoryJson.SCHEMA_VERSION, tool, image(inventory.image()),
                distro(inventory.distro()), packages, dependencies(inventory.dependencies()), skipped, inventory.scannedAt().toString(),
                findings == null ? null : FindingJsonMapper.toJson(findings));
    }

    private static InventoryJson.Image image(ImageMetadata image) {
        ImageConfig config = image.config() == null ? ImageConfig.empty() : image.config();
        List<InventoryJson.LayerEntry> layers = image.layers().stream()
                .map(l -> new InventoryJson.LayerEntry(l.index(), l.digest(), l.diffId(), l.size(), l.mediaType(),
                        l.createdBy()))
                .toList();
        return new InventoryJson.Image(image.reference(), image.kind() == null ? null : image.kind().prefix(),
                image.manifestDigest(), image.configDigest(), List.copyOf(image.tags()), config.os(),
                config.architecture(), config.user(), List.copyOf(config.entrypoint()), List.copyOf(config.cmd()),
                List.copyOf(config.exposedPorts()), healthcheck(config.healthcheck()), sorted(config.labels()), layers);
    }

    private static InventoryJson.Healthcheck healthcheck(Healthcheck healthcheck) {
        if (healthcheck == null) {
            return null;
        }
        return new InventoryJson.Healthcheck(listOrEmpty(healthcheck.test()), healthcheck.intervalNanos(),
                healthcheck.timeoutNanos(), healthcheck.startPeriodNanos(), healthcheck.retries());
    }

    // An unknown distro is null in the format, because a record of nulls would read as a detected one.
    private static InventoryJson.Distro distro(Distro distro) {
        if (distro == null || !distro.isKnown()) {
            return null;
        }
        return new InventoryJson.Distro(distro.id(), distro.versionId(), distro.codename(), distro.prettyName());
    }

    static InventoryJson.LayerRef layerRef(Layer layer) {
        return layer == null ? null : new InventoryJson.LayerRef(layer.index(), layer.digest(), layer.createdBy());
    }

    private static InventoryJson.PackageEntry packageEntry(Package pkg) {
        InventoryJson.Source source = pkg.source() == null ? null
                : new InventoryJson.Source(pkg.source().name(), pkg.source().version());
        Layer layer = pkg.layer();
        InventoryJson.LayerRef layerRef = layerRef(layer);
        return new InventoryJson.PackageEntry(Dependency.idOf(pkg), pkg.type().purlType(), pkg.name(), pkg.version(), pkg.architecture(),
                source, pkg.purl(), pkg.foundBy(), listOrEmpty(pkg.locations()), layerRef,
                listOrEmpty(pkg.licenses()), sorted(pkg.properties()));
    }

    /** Groups the edges by depending package and kind, sorted, so equal inventories give equal JSON. */
    private static List<InventoryJson.DependencyEntry> dependencies(List<Dependency> dependencies) {
        Map<String, Map<Dependency.Kind, TreeSet<String>>> grouped = new TreeMap<>();
        for (Dependency dependency : dependencies) {
            grouped.computeIfAbsent(dependency.fromPackageId(), from -> new EnumMap<>(Dependency.Kind.class))
                    .computeIfAbsent(dependency.kind(), kind -> new TreeSet<>())
                    .add(dependency.toPackageId());
        }
        List<InventoryJson.DependencyEntry> entries = new ArrayList<>();
        grouped.forEach((from, byKind) -> byKind.forEach((kind, targets) -> entries.add(
                new InventoryJson.DependencyEntry(from, List.copyOf(targets), kindName(kind)))));
        return entries;
    }

    private static String kindName(Dependency.Kind kind) {
        return switch (kind) {
            case DEPENDS_ON -> "depends-on";
            case CONTAINS -> "contains";
        };
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static Map<String, String> sorted(Map<String, String> values) {
        return values == null ? Map.of() : new TreeMap<>(values);
    }
}
