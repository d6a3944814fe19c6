package dev.portcullis.triage.imported;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the findings of a Trivy or Grype JSON report, detected by content: Trivy writes
 * {@code Results[].Vulnerabilities[]}, Grype writes {@code matches[]}.
 *
 * <pre>{@code
 * {"Results": [{"Vulnerabilities": [{"VulnerabilityID": "CVE-2099-1000", "PkgName": "libfoo1",
 *     "InstalledVersion": "1.0-1+deb12u1", "Severity": "HIGH",
 *     "PkgIdentifier": {"PURL": "pkg:deb/debian/libfoo1@1.0-1+deb12u1"}}]}]}
 * -> ReportedFinding[scanner=trivy, id=CVE-2099-1000, packageName=libfoo1, ...]
 * }</pre>
 *
 * <p>An entry without an id, a package name or a version is skipped with a warning naming it.
 *
 * @see <a href="https://trivy.dev/latest/docs/configuration/reporting/#json">Trivy JSON report</a>
 * @see <a href="https://github.com/anchore/grype#supported-output-formats">Grype JSON output</a>
 */
public final class ScannerReportReader {

    private static final Logger LOG = LoggerFactory.getLogger(ScannerReportReader.class);

    private final ObjectMapper json = new ObjectMapper();

    public List<ReportedFinding> read(Path file) throws ScannerReportException {
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new ScannerReportException("invalid JSON in scanner report " + file + ": "
                    + e.getOriginalMessage() + "; pass a Trivy (--format json) or Grype (-o json) report", e);
        } catch (NoSuchFileException e) {
            throw new ScannerReportException("scanner report " + file + " not found; pass the JSON file that Trivy"
                    + " (--format json) or Grype (-o json) wrote", e);
        } catch (IOException e) {
            throw new ScannerReportException("cannot read scanner report " + file + ": " + e, e);
        }
        if (root != null && root.has("Results")) {
            return trivy(file, root);
        }
        if (root != null && root.has("matches")) {
            return grype(file, root);
        }
        throw new ScannerReportException(file + " is neither a Trivy report (no Results) nor a Grype report"
                + " (no matches); pass a Trivy (--format json) or Grype (-o json) report");
    }

    private static List<ReportedFinding> trivy(Path file, JsonNode root) {
        List<ReportedFinding> findings = new ArrayList<>();
        for (JsonNode result : root.path("Results")) {
            for (JsonNode vulnerability : result.path("Vulnerabilities")) {
                ReportedFinding finding = new ReportedFinding("trivy", text(vulnerability, "VulnerabilityID"),
                        text(vulnerability, "PkgName"), text(vulnerability, "InstalledVersion"),
                        text(vulnerability, "FixedVersion"), text(vulnerability, "Severity"),
                        text(vulnerability.path("PkgIdentifier"), "PURL"));
                add(file, finding, findings);
            }
        }
        return findings;
    }

    private static List<ReportedFinding> grype(Path file, JsonNode root) {
        List<ReportedFinding> findings = new ArrayList<>();
        for (JsonNode match : root.path("matches")) {
            JsonNode vulnerability = match.path("vulnerability");
            JsonNode artifact = match.path("artifact");
            JsonNode fixes = vulnerability.path("fix").path("versions");
            String fixed = fixes.isArray() && !fixes.isEmpty() ? fixes.get(0).asText() : null;
            ReportedFinding finding = new ReportedFinding("grype", text(vulnerability, "id"), text(artifact, "name"),
                    text(artifact, "version"), fixed, text(vulnerability, "severity"), text(artifact, "purl"));
            add(file, finding, findings);
        }
        return findings;
    }

    private static void add(Path file, ReportedFinding finding, List<ReportedFinding> findings) {
        if (finding.id() == null || finding.packageName() == null || finding.installedVersion() == null) {
            LOG.warn("Skipped an entry of {} without id, package name or version: {}", file, finding);
            return;
        }
        findings.add(finding);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
