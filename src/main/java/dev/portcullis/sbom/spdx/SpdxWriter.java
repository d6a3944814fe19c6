package dev.portcullis.sbom.spdx;

import static dev.portcullis.sbom.spdx.SpdxJson.NOASSERTION;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.sbom.ImagePurl;
import dev.portcullis.sbom.SbomPackages;
import dev.portcullis.sbom.SbomRelationships;
import dev.portcullis.sbom.SpdxExpressions;
import dev.portcullis.sbom.SpdxLicenseList;
import dev.portcullis.sbom.spdx.SpdxJson.CreationInfo;
import dev.portcullis.sbom.spdx.SpdxJson.Document;
import dev.portcullis.sbom.spdx.SpdxJson.ExternalRef;
import dev.portcullis.sbom.spdx.SpdxJson.Relationship;
import dev.portcullis.sbom.spdx.SpdxJson.SpdxPackage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an inventory as an SPDX 2.3 JSON document.
 *
 * <p>The image is a package with purpose {@code CONTAINER} that the document {@code DESCRIBES}. The
 * image {@code CONTAINS} the distro (purpose {@code OPERATING_SYSTEM}) and every cataloged package
 * (purpose {@code LIBRARY}). Packages relate to each other, and the image to the packages the
 * application uses directly, through {@code DEPENDS_ON}, {@code DEV_DEPENDENCY_OF} and {@code CONTAINS}
 * (an archive and the archives inside it). Licenses that do not form a valid SPDX expression are written as
 * {@code NOASSERTION}. See <a href="https://spdx.github.io/spdx-spec/v2.3/">SPDX 2.3</a>.
 *
 * <pre>{@code
 * new SpdxWriter().write(inventory, Files.newOutputStream(Path.of("sbom.spdx.json")));
 * }</pre>
 */
public final class SpdxWriter {

    static final String NAMESPACE_BASE = "https://portcullis.dev/spdxdocs/";
    static final String IMAGE_ID = "SPDXRef-Image";
    static final String OPERATING_SYSTEM_ID = "SPDXRef-OperatingSystem";

    private final SpdxLicenseList licenseList;
    private final SpdxPackageMapper mapper;
    private final ObjectMapper json = new ObjectMapper();

    public SpdxWriter() {
        this(SpdxLicenseList.load());
    }

    public SpdxWriter(SpdxLicenseList licenseList) {
        this.licenseList = licenseList;
        this.mapper = new SpdxPackageMapper(new SpdxExpressions(licenseList));
    }

    /** Writes the document as UTF-8 JSON and leaves the stream open. */
    public void write(Inventory inventory, OutputStream out) throws IOException {
        out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document(inventory)));
        out.flush();
    }

    Document document(Inventory inventory) {
        List<SpdxPackage> packages = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        packages.add(imagePackage(inventory.image()));
        relationships.add(new Relationship("SPDXRef-DOCUMENT", "DESCRIBES", IMAGE_ID));

        Distro distro = inventory.distro();
        if (distro != null && distro.isKnown()) {
            packages.add(operatingSystemPackage(distro));
            relationships.add(new Relationship(IMAGE_ID, "CONTAINS", OPERATING_SYSTEM_ID));
        }

        Set<String> usedIds = new HashSet<>();
        Map<String, String> spdxIdByRef = new HashMap<>();
        Map<String, Package> packageByRef = new HashMap<>();
        List<SbomPackages.Identified> identifiedPackages = SbomPackages.identify(inventory.packages());
        for (SbomPackages.Identified identified : identifiedPackages) {
            String id = SpdxPackageMapper.spdxId(identified);
            // A 48-bit hash collision is unlikely, but a duplicate SPDXID would make the document invalid.
            for (int n = 2; !usedIds.add(id); n++) {
                id = SpdxPackageMapper.spdxId(identified) + "-" + n;
            }
            packages.add(mapper.map(identified, id));
            relationships.add(new Relationship(IMAGE_ID, "CONTAINS", id));
            spdxIdByRef.put(identified.ref(), id);
            packageByRef.put(identified.ref(), identified.pkg());
        }
        for (SbomRelationships.Edge edge : SbomRelationships.edges(identifiedPackages, inventory.dependencies())) {
            relationships.add(relationship(edge, spdxIdByRef, packageByRef));
        }

        CreationInfo creationInfo = new CreationInfo(List.of("Tool: portcullis-" + inventory.toolVersion()),
                inventory.scannedAt().truncatedTo(ChronoUnit.SECONDS).toString(), licenseList.version());
        return new Document("SPDX-2.3", "CC0-1.0", "SPDXRef-DOCUMENT", inventory.image().reference(),
                namespace(inventory), creationInfo, packages, relationships);
    }

    /**
     * Maps one edge. A package that only development needs gets {@code DEV_DEPENDENCY_OF} its dependent
     * where a production package or the image depends on it; inside a development-only subtree the edges
     * stay {@code DEPENDS_ON}, because there one development package needs the other to run.
     */
    private static Relationship relationship(SbomRelationships.Edge edge, Map<String, String> spdxIdByRef,
            Map<String, Package> packageByRef) {
        String from = edge.fromRef() == null ? IMAGE_ID : spdxIdByRef.get(edge.fromRef());
        String to = spdxIdByRef.get(edge.toRef());
        if (edge.kind() == Dependency.Kind.CONTAINS) {
            return new Relationship(from, "CONTAINS", to);
        }
        boolean toDevelopment = SbomRelationships.isDevelopment(packageByRef.get(edge.toRef())).orElse(false);
        boolean fromDevelopment = edge.fromRef() != null
                && SbomRelationships.isDevelopment(packageByRef.get(edge.fromRef())).orElse(false);
        if (toDevelopment && !fromDevelopment) {
            return new Relationship(to, "DEV_DEPENDENCY_OF", from);
        }
        return new Relationship(from, "DEPENDS_ON", to);
    }

    /**
     * Builds the document namespace from the image name and a UUID derived from the image digest and
     * scan time, for example {@code https://portcullis.dev/spdxdocs/shop-api-1b4e28ba-2fa1-3d0b-...}.
     * A later scan of the same image is a new document, so the scan time is part of the UUID.
     */
    static String namespace(Inventory inventory) {
        ImageMetadata image = inventory.image();
        String identity = image.manifestDigest() != null ? image.manifestDigest()
                : image.configDigest() != null ? image.configDigest() : image.reference();
        UUID uuid = UUID.nameUUIDFromBytes(
                (identity + "\n" + inventory.scannedAt()).getBytes(StandardCharsets.UTF_8));
        String name = SpdxPackageMapper.idSafe(lastSegment(image.reference()));
        return NAMESPACE_BASE + name + "-" + uuid;
    }

    private static SpdxPackage imagePackage(ImageMetadata image) {
        List<ExternalRef> refs = ImagePurl.of(image).map(purl -> List.of(ExternalRef.purl(purl))).orElse(null);
        List<String> notes = new ArrayList<>();
        if (!image.tags().isEmpty()) {
            notes.add("Tags: " + String.join(", ", image.tags().stream().sorted().toList()) + ".");
        }
        if (image.configDigest() != null) {
            notes.add("Config digest: " + image.configDigest() + ".");
        }
        String comment = notes.isEmpty() ? null : String.join(" ", notes);
        return new SpdxPackage(IMAGE_ID, image.reference(), image.manifestDigest(), NOASSERTION, null, NOASSERTION,
                false, null, NOASSERTION, NOASSERTION, NOASSERTION, null, comment, refs, "CONTAINER");
    }

    private static SpdxPackage operatingSystemPackage(Distro distro) {
        return new SpdxPackage(OPERATING_SYSTEM_ID, distro.id(), distro.versionId(), NOASSERTION, null, NOASSERTION,
                false, null, NOASSERTION, NOASSERTION, NOASSERTION, distro.prettyName(), null, null,
                "OPERATING_SYSTEM");
    }

    private static String lastSegment(String reference) {
        String withoutTag = reference.replaceFirst("[:@][^/]*$", "");
        return withoutTag.substring(withoutTag.lastIndexOf('/') + 1);
    }
}
