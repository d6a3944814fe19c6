package dev.portcullis.vulndb;

/**
 * One CVSS metric of an NVD CVE record.
 *
 * @param cve the CVE id
 * @param version the CVSS version, for example {@code 3.1} or {@code 4.0}
 * @param source who scored it, for example {@code nvd@nist.gov} or {@code secalert@redhat.com}
 * @param type {@code Primary} (NVD's own or the CNA's principal score) or {@code Secondary}
 * @param vector the vector string
 * @param baseScore the base score
 * @param baseSeverity the base severity word, for example {@code HIGH}
 * @see <a href="https://nvd.nist.gov/developers/vulnerabilities">NVD CVE API 2.0</a>
 */
public record CvssMetric(
        String cve, String version, String source, String type, String vector, double baseScore, String baseSeverity) {}
