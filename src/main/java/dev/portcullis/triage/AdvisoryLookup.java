package dev.portcullis.triage;

import dev.portcullis.vulndb.Advisory;
import java.util.List;

/**
 * Finds every record of a vulnerability by id or alias, with all its affected entries. The
 * vulnerability database implements it as {@code database::byId}; tests pass a list.
 */
@FunctionalInterface
public interface AdvisoryLookup {

    List<Advisory> byId(String idOrAlias);

    static AdvisoryLookup none() {
        return id -> List.of();
    }

    static AdvisoryLookup of(List<Advisory> advisories) {
        return id -> advisories.stream()
                .filter(advisory -> advisory.id().equals(id) || advisory.aliases().contains(id))
                .toList();
    }
}
