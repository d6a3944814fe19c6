package dev.portcullis.sbom.cyclonedx;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.sbom.ImagePurl;
import dev.portcullis.sbom.SbomPackages;
import dev.portcullis.sbom.SpdxExpressions;
import dev.portcullis.sbom.SpdxLicenseList;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Writes an inventory as a CycloneDX 1.6 JSON BOM.
 *
 * <p>The image is {@code metadata.component} (type {@code container}, version = manifest digest), the
 * distro is an {@code operating-system} component, and every package is a {@code library} component
 * whose bom-ref is its purl, or its purl with a location hash when several packages share the purl.
 * The {@code dependencies} graph comes from {@link DependencyMapper}, and a component's {@code scope} from
 * the package's development flag.
 * Output is deterministic: components are sorted and the serial number is derived from the image
 * and scan time. See <a href="https://cyclonedx.org/docs/1.6/json/">the CycloneDX 1.6 JSON reference</a>.
 *
 * <pre>{@code
 * new CycloneDxWriter().write(inventory, Files.newOutputStream(Path.of("sbom.cdx.json")));
 * }</pre>
 */
public final class CycloneDxWriter {

    private final ComponentMapper mapper;

    public CycloneDxWriter() {
        this(new SpdxExpressions(SpdxLicenseList.load()));
    }

    public CycloneDxWriter(SpdxExpressions expressions) {
        this.mapper = new ComponentMapper(expressions);
    }

    /** Writes the BOM as UTF-8 JSON and leaves the stream open. */
    public void write(Inventory inventory, OutputStream out) throws IOException {
        String json;
        try {
            json = BomGeneratorFactory.createJson(Version.VERSION_16, toBom(inventory)).toJsonString(true);
        } catch (GeneratorException e) {
            throw new IOException("Failed to generate CycloneDX JSON for " + inventory.image().reference(), e);
        }
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Builds the BOM model that {@link #write} serializes. */
    public Bom toBom(Inventory inventory) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + serialNumber(inventory));
        bom.setMetadata(metadata(inventory));

        List<Component> components = new ArrayList<>();
        mapper.operatingSystem(inventory.distro()).ifPresent(components::add);
        List<SbomPackages.Identified> identified = SbomPackages.identify(inventory.packages());
        identified.stream().map(mapper::library).forEach(components::add);
        bom.setComponents(components);

        List<Dependency> dependencies =
                DependencyMapper.dependencies(bom.getMetadata().getComponent().getBomRef(), identified, inventory);
        if (!dependencies.isEmpty()) {
            bom.setDependencies(dependencies);
        }
        return bom;
    }

    private Metadata metadata(Inventory inventory) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(inventory.scannedAt()));

        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("portcullis");
        tool.setVersion(inventory.toolVersion());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);

        metadata.setComponent(imageComponent(inventory.image()));
        return metadata;
    }

    private static Component imageComponent(ImageMetadata image) {
        Component component = new Component();
        component.setType(Component.Type.CONTAINER);
        component.setName(image.reference());
        component.setVersion(image.manifestDigest());
        String purl = ImagePurl.of(image).orElse(null);
        component.setPurl(purl);
        component.setBomRef(purl != null ? purl : "image:" + image.reference());

        List<Property> properties = new ArrayList<>();
        if (image.kind() != null) {
            ComponentMapper.add(properties, "portcullis:image:kind", image.kind().prefix());
        }
        ComponentMapper.add(properties, "portcullis:image:configDigest", image.configDigest());
        image.tags().forEach(tag -> ComponentMapper.add(properties, "portcullis:image:tag", tag));
        properties.sort(ComponentMapper.PROPERTY_ORDER);
        component.setProperties(properties);
        return component;
    }

    // Same image and scan time give the same serial number, so golden files stay stable.
    private static UUID serialNumber(Inventory inventory) {
        ImageMetadata image = inventory.image();
        String identity = String.join("\n", image.reference(), String.valueOf(image.manifestDigest()),
                String.valueOf(inventory.scannedAt()), String.valueOf(inventory.toolVersion()));
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }
}
