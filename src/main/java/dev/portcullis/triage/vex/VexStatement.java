package dev.portcullis.triage.vex;

import dev.portcullis.triage.Justification;
import java.time.LocalDate;
import java.util.List;

/**
 * One statement of a VEX document or one analyst decision, in a shape common to OpenVEX,
 * CycloneDX VEX, CSAF VEX and {@code .portcullis/decisions.yaml}.
 *
 * @param document the file it came from
 * @param author who made it, or null when the document names no one
 * @param vulnerabilities the vulnerability ids it speaks of, the main one first
 * @param products the products it applies to
 * @param status the status
 * @param justification the not-affected justification, or null
 * @param impactStatement why it is not affected in words, or null
 * @param actionStatement what to do when affected, or null
 * @param expires the day an analyst decision stops applying, or null for none
 */
public record VexStatement(String document, String author, List<String> vulnerabilities, List<VexProduct> products,
        VexStatus status, Justification justification, String impactStatement, String actionStatement,
        LocalDate expires) {

    public VexStatement {
        vulnerabilities = List.copyOf(vulnerabilities);
        products = List.copyOf(products);
    }

    /** Returns a short label for reports, for example {@code vex.json: CVE-2021-44228 not_affected}. */
    public String label() {
        return document + ": " + String.join("/", vulnerabilities) + " " + status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
