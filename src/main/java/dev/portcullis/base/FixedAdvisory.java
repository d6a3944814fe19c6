package dev.portcullis.base;

import java.util.List;

/**
 * A runtime advisory that affects the version in use and is fixed by a newer patch of the same line.
 *
 * @param id the advisory id, for example {@code NSWG-COR-169}
 * @param cves the CVE ids
 * @param fixedIn the first patched version of the line, for example {@code 20.20.2}
 * @param severity the source's severity word, or null
 */
public record FixedAdvisory(String id, List<String> cves, String fixedIn, String severity) {

    public FixedAdvisory {
        cves = List.copyOf(cves);
    }
}
