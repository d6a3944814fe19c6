package dev.portcullis.sbom.spdx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The SPDX 2.3 JSON document as written, one record per JSON object. Only the fields Portcullis fills
 * are modelled. Field names follow the
 * <a href="https://spdx.github.io/spdx-spec/v2.3/">SPDX 2.3 specification</a>, and null fields are left out.
 */
final class SpdxJson {

    static final String NOASSERTION = "NOASSERTION";

    private SpdxJson() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(
            String spdxVersion,
            String dataLicense,
            @JsonProperty("SPDXID") String spdxId,
            String name,
            String documentNamespace,
            CreationInfo creationInfo,
            List<SpdxPackage> packages,
            List<Relationship> relationships) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreationInfo(List<String> creators, String created, String licenseListVersion) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SpdxPackage(
            @JsonProperty("SPDXID") String spdxId,
            String name,
            String versionInfo,
            String supplier,
            String originator,
            String downloadLocation,
            boolean filesAnalyzed,
            String sourceInfo,
            String licenseConcluded,
            String licenseDeclared,
            String copyrightText,
            String description,
            String comment,
            List<ExternalRef> externalRefs,
            String primaryPackagePurpose) {}

    record ExternalRef(String referenceCategory, String referenceType, String referenceLocator) {

        static ExternalRef purl(String purl) {
            return new ExternalRef("PACKAGE-MANAGER", "purl", purl);
        }
    }

    record Relationship(String spdxElementId, String relationshipType, String relatedSpdxElement) {}
}
