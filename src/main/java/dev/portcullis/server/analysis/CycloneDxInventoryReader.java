package dev.portcullis.server.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.SourcePackage;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.Skipped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a CycloneDX JSON SBOM, as {@code portcullis sbom --format cyclonedx} writes it, back into an
 * inventory: the {@code operating-system} component is the distro, and every component with a
 * package URL is a package. A component without a usable package URL is skipped with its reason.
 * The image config comes from the properties {@link ImageConfigProperties} names, and is null (unknown
 * to triage) when the SBOM carries none.
 *
 * <pre>{@code
 * {"bomFormat":"CycloneDX","specVersion":"1.6","components":[
 *   {"type":"library","name":"lodash","version":"4.17.15","purl":"pkg:npm/lodash@4.17.15"}]}
 * -> Inventory[packages=[Package[type=NPM, name=lodash, version=4.17.15, ...]]]
 * }</pre>
 *
 * @see <a href="https://cyclonedx.org/docs/1.6/json/">CycloneDX 1.6 JSON reference</a>
 */
public final class CycloneDxInventoryReader {

    private static final String PACKAGE_PROPERTY = "portcullis:package:";

    private final ObjectMapper mapper = new ObjectMapper();

    /** Parses the document, naming the image {@code imageName} when its metadata names none. */
    public Inventory read(byte[] document, String imageName) throws InvalidSbomException {
        JsonNode root;
        try {
            root = mapper.readTree(document);
        } catch (JsonProcessingException e) {
            throw new InvalidSbomException("The body is not JSON: " + e.getOriginalMessage()
                    + ". Upload a CycloneDX JSON SBOM (portcullis sbom IMAGE --format cyclonedx).");
        } catch (java.io.IOException e) {
            throw new InvalidSbomException("The body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !"CycloneDX".equals(root.path("bomFormat").asText())) {
            throw new InvalidSbomException("The body is not a CycloneDX SBOM: its bomFormat must be \"CycloneDX\".");
        }
        if (!root.path("specVersion").isTextual()) {
            throw new InvalidSbomException("The CycloneDX SBOM has no specVersion.");
        }
        JsonNode components = root.path("components");
        if (!components.isMissingNode() && !components.isArray()) {
            throw new InvalidSbomException("The CycloneDX SBOM's components must be an array.");
        }
        Distro distro = Distro.UNKNOWN;
        List<Package> packages = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            if ("operating-system".equals(component.path("type").asText())) {
                distro = distro(component);
                continue;
            }
            String purl = component.path("purl").asText(null);
            if (purl == null) {
                skipped.add(new Skipped("components[" + i + "]", "no package URL"));
                continue;
            }
            try {
                packages.add(toPackage(component, new PackageURL(purl)));
            } catch (MalformedPackageURLException e) {
                skipped.add(new Skipped("components[" + i + "]", "invalid package URL: " + e.getMessage()));
            }
        }
        JsonNode metadata = root.path("metadata");
        String name = metadata.path("component").path("name").asText(imageName);
        String digest = metadata.path("component").path("version").asText(null);
        ImageConfig config = ImageConfigProperties.read(metadata.path("component").path("properties")).orElse(null);
        ImageMetadata image = new ImageMetadata(imageName != null ? imageName : name, null, digest, null,
                List.of(), config, List.of());
        return new Inventory(image, distro, packages, skipped, scannedAt(metadata), toolVersion(metadata));
    }

    private static Distro distro(JsonNode component) {
        String codename = properties(component).get("portcullis:distro:codename");
        return new Distro(component.path("name").asText(null), component.path("version").asText(null), codename,
                component.path("description").asText(null));
    }

    private static Package toPackage(JsonNode component, PackageURL purl) {
        Map<String, String> properties = properties(component);
        String sourceName = properties.get("portcullis:sourcePackage:name");
        SourcePackage source = sourceName == null ? null
                : new SourcePackage(sourceName, properties.get("portcullis:sourcePackage:version"));
        String name = component.path("name").asText(purl.getName());
        String version = component.path("version").asText(purl.getVersion());
        return new Package(type(purl.getType()), name, version == null ? "" : version,
                properties.get("portcullis:architecture"), source, purl.canonicalize(),
                properties.getOrDefault("portcullis:foundBy", "cyclonedx-upload"), List.of(), List.of(), null,
                List.of(), packageProperties(properties));
    }

    /** Returns the cataloger's own package properties, written as {@code portcullis:package:KEY}. */
    private static Map<String, String> packageProperties(Map<String, String> properties) {
        Map<String, String> own = new TreeMap<>();
        properties.forEach((name, value) -> {
            if (name.startsWith(PACKAGE_PROPERTY)) {
                own.put(name.substring(PACKAGE_PROPERTY.length()), value);
            }
        });
        return Map.copyOf(own);
    }

    private static PackageType type(String purlType) {
        for (PackageType type : PackageType.values()) {
            if (type.purlType().equals(purlType)) {
                return type;
            }
        }
        return PackageType.GENERIC;
    }

    private static Map<String, String> properties(JsonNode component) {
        Map<String, String> properties = new HashMap<>();
        for (JsonNode property : component.path("properties")) {
            properties.putIfAbsent(property.path("name").asText(), property.path("value").asText());
        }
        return properties;
    }

    private static Instant scannedAt(JsonNode metadata) {
        String timestamp = metadata.path("timestamp").asText(null);
        if (timestamp == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    private static String toolVersion(JsonNode metadata) {
        for (JsonNode tool : metadata.path("tools").path("components")) {
            if ("portcullis".equals(tool.path("name").asText())) {
                return tool.path("version").asText(null);
            }
        }
        return null;
    }
}
