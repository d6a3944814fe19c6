package dev.portcullis.vulndb;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the CISA Known Exploited Vulnerabilities catalog.
 *
 * @param cve the CVE id
 * @param vendorProject the vendor or project
 * @param product the product
 * @param vulnerabilityName CISA's name for it
 * @param shortDescription CISA's description
 * @param dateAdded when it was added to the catalog
 * @param dueDate the remediation due date for US federal agencies
 * @param knownRansomwareCampaignUse {@code Known} or {@code Unknown}, as CISA writes it
 * @param requiredAction the action CISA requires
 * @param notes CISA's notes, often links
 * @param cwes the CWE ids CISA lists
 * @see <a href="https://www.cisa.gov/known-exploited-vulnerabilities-catalog">KEV catalog</a>
 */
public record KevEntry(
        String cve,
        String vendorProject,
        String product,
        String vulnerabilityName,
        String shortDescription,
        LocalDate dateAdded,
        LocalDate dueDate,
        String knownRansomwareCampaignUse,
        String requiredAction,
        String notes,
        List<String> cwes) {

    public KevEntry {
        cwes = List.copyOf(cwes);
    }

    public boolean knownRansomware() {
        return "Known".equalsIgnoreCase(knownRansomwareCampaignUse);
    }
}
