package dev.portcullis.report.cyclonedx;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.report.TriageWriter;
import dev.portcullis.sbom.ImagePurl;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.PendingReason;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;

/**
 * Writes triaged findings as a CycloneDX 1.6 VEX document: the image as the metadata component, one
 * component per package with a finding, and one vulnerability per finding whose {@code analysis}
 * carries the verdict.
 *
 * <p>Verdicts map to analysis states as: NOT_AFFECTED to {@code not_affected} with the nearest
 * CycloneDX justification (vulnerable_code_not_in_execute_path to {@code code_not_reachable});
 * ALREADY_PATCHED to {@code resolved}; AFFECTED, UPSTREAM_PENDING and LOW_RISK to
 * {@code exploitable}, with response {@code update} when a fix exists, {@code will_not_fix} or
 * {@code can_not_fix} while upstream is pending. {@code detail} states the reason and the deciding
 * evidence; the properties {@code portcullis:verdict} and {@code portcullis:risk} keep the rest.
 *
 * @see <a href="https://cyclonedx.org/capabilities/vex/">CycloneDX VEX</a>
 */
public final class CycloneDxVexWriter implements TriageWriter {

    @Override
    public void write(Inventory inventory, TriageResult result, OutputStream out) throws IOException {
        String json;
        try {
            json = BomGeneratorFactory.createJson(Version.VERSION_16, toBom(inventory, result)).toJsonString(true);
        } catch (GeneratorException e) {
            throw new IOException("Failed to generate CycloneDX VEX for " + inventory.image().reference(), e);
        }
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }

    public Bom toBom(Inventory inventory, TriageResult result) {
        Bom bom = new Bom();
        String identity = inventory.image().reference() + "\n" + inventory.image().manifestDigest() + "\n"
                + inventory.scannedAt() + "\ncyclonedx-vex";
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)));
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(inventory.scannedAt()));
        metadata.setComponent(image(inventory));
        bom.setMetadata(metadata);

        Map<Package, String> refs = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        List<Component> components = new ArrayList<>();
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (TriagedFinding triaged : result.findings()) {
            Package pkg = triaged.finding().pkg();
            String ref = refs.computeIfAbsent(pkg, p -> {
                String candidate = p.purl() != null ? p.purl() : p.type().purlType() + ":" + p.name() + "@" + p.version();
                for (int n = 2; !used.add(candidate); n++) {
                    candidate = (p.purl() != null ? p.purl() : p.name()) + "#" + n;
                }
                components.add(component(p, candidate));
                return candidate;
            });
            vulnerabilities.add(vulnerability(triaged, ref, vulnerabilities.size()));
        }
        bom.setComponents(components);
        bom.setVulnerabilities(vulnerabilities);
        return bom;
    }

    private static Component image(Inventory inventory) {
        Component component = new Component();
        component.setType(Component.Type.CONTAINER);
        component.setName(inventory.image().reference());
        component.setVersion(inventory.image().manifestDigest());
        String purl = ImagePurl.of(inventory.image()).orElse(null);
        component.setPurl(purl);
        component.setBomRef(purl != null ? purl : "image:" + inventory.image().reference());
        return component;
    }

    private static Component component(Package pkg, String ref) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setName(pkg.name());
        component.setVersion(pkg.version());
        component.setPurl(pkg.purl());
        component.setBomRef(ref);
        return component;
    }

    private static Vulnerability vulnerability(TriagedFinding triaged, String ref, int index) {
        Vulnerability vulnerability = new Vulnerability();
        vulnerability.setBomRef("finding-" + (index + 1));
        vulnerability.setId(triaged.finding().id());
        if (triaged.finding().summary() != null) {
            vulnerability.setDescription(triaged.finding().summary());
        }
        if (triaged.advice() != null) {
            vulnerability.setRecommendation(triaged.advice());
        }
        Vulnerability.Affect affect = new Vulnerability.Affect();
        affect.setRef(ref);
        vulnerability.setAffects(List.of(affect));
        vulnerability.setAnalysis(analysis(triaged));
        vulnerability.setProperties(List.of(
                property("portcullis:verdict", triaged.verdict().kind().label()),
                property("portcullis:risk", triaged.risk().level().label())));
        return vulnerability;
    }

    private static Analysis analysis(TriagedFinding triaged) {
        Analysis analysis = new Analysis();
        Verdict verdict = triaged.verdict();
        switch (verdict) {
            case Verdict.NotAffected notAffected -> {
                analysis.setState(Analysis.State.NOT_AFFECTED);
                if (notAffected.justification() != null) {
                    analysis.setJustification(justification(notAffected.justification()));
                }
            }
            case Verdict.AlreadyPatched patched -> analysis.setState(Analysis.State.RESOLVED);
            case Verdict.UpstreamPending pending -> {
                analysis.setState(Analysis.State.EXPLOITABLE);
                analysis.setResponses(List.of(pending.pending() == PendingReason.WILL_NOT_FIX
                        ? Analysis.Response.WILL_NOT_FIX : Analysis.Response.CAN_NOT_FIX));
            }
            case Verdict.Affected affected -> exploitable(analysis, triaged);
            case Verdict.LowRisk lowRisk -> exploitable(analysis, triaged);
        }
        List<String> facts = triaged.deciding().stream().map(Evidence::fact).toList();
        analysis.setDetail(verdict.kind().label() + ": " + verdict.reason()
                + (facts.isEmpty() ? "" : ". Evidence: " + String.join("; ", facts)));
        return analysis;
    }

    private static void exploitable(Analysis analysis, TriagedFinding triaged) {
        analysis.setState(Analysis.State.EXPLOITABLE);
        if (triaged.advice() != null) {
            analysis.setResponses(List.of(Analysis.Response.UPDATE));
        }
    }

    static Analysis.Justification justification(Justification justification) {
        return switch (justification) {
            case COMPONENT_NOT_PRESENT, VULNERABLE_CODE_NOT_PRESENT -> Analysis.Justification.CODE_NOT_PRESENT;
            case VULNERABLE_CODE_NOT_IN_EXECUTE_PATH -> Analysis.Justification.CODE_NOT_REACHABLE;
            case VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY -> Analysis.Justification.REQUIRES_ENVIRONMENT;
            case INLINE_MITIGATIONS_ALREADY_EXIST -> Analysis.Justification.PROTECTED_BY_MITIGATING_CONTROL;
        };
    }

    private static Property property(String name, String value) {
        Property property = new Property();
        property.setName(name);
        property.setValue(value);
        return property;
    }
}
