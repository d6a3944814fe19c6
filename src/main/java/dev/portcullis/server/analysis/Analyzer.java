package dev.portcullis.server.analysis;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.vulndb.VulnDatabase;
import java.util.List;

/**
 * The seam between the server and the analysis stages: turns a stored inventory into the findings the
 * server keeps. {@link MatchingAnalyzer} matches only and derives a verdict from the fix state; a
 * triage-backed implementation adds proven verdicts and context without changing the server.
 *
 * <pre>{@code
 * List<StoredFinding> findings = new MatchingAnalyzer().analyze(inventory, database);
 * findings.getFirst().verdict(); // "AFFECTED"
 * }</pre>
 */
public interface Analyzer {

    /** Returns the findings of one inventory, one per package and vulnerability. */
    List<StoredFinding> analyze(Inventory inventory, VulnDatabase database);

    /** Returns whether verdicts carry triage evidence, which VEX export needs. */
    boolean triaged();
}
