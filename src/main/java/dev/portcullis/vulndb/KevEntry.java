package dev.portcullis.vulndb;

import java.time.LocalDate;

/**
 * One entry of the CISA Known Exploited Vulnerabilities catalog.
 *
 * @param cve the CVE id
 * @param vendorProject the vendor or project
 * @param product the product
 * @param vulnerabilityName CISA's name for it
 * @param dateAdded when it was added to the catalog
 * @param dueDate the remediation due date for US federal agencies
 * @param knownRansomwareCampaignUse {@code Known} or {@code Unknown}, as CISA writes it
 * @param requiredAction the action CISA requires
 * @param notes CISA's notes, often links
 * @see <a href="https://www.cisa.gov/known-exploited-vulnerabilities-catalog">KEV catalog</a>
 */
public record KevEntry(
        String cve,
        String vendorProject,
        String product,
        String vulnerabilityName,
        LocalDate dateAdded,
        LocalDate dueDate,
        String knownRansomwareCampaignUse,
        String requiredAction,
        String notes) {

    public boolean knownRansomware() {
        return "Known".equalsIgnoreCase(knownRansomwareCampaignUse);
    }
}
