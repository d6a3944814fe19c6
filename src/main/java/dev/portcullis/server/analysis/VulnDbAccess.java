package dev.portcullis.server.analysis;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.VulnDbException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the analyzer against the server's vulnerability database file. The file is opened per call,
 * so a {@code db update} that replaces it is seen by the next analysis.
 */
public final class VulnDbAccess {

    private static final Logger LOG = LoggerFactory.getLogger(VulnDbAccess.class);

    private final Path file;
    private final Analyzer analyzer;

    public VulnDbAccess(Path file, Analyzer analyzer) {
        this.file = file;
        this.analyzer = analyzer;
    }

    public Path file() {
        return file;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Runs an action on the open database; throws when no database file exists yet. */
    public <T> T withDatabase(java.util.function.Function<VulnDatabase, T> action) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No vulnerability database at " + file);
        }
        try (VulnDatabase database = VulnDatabase.open(file)) {
            return action.apply(database);
        } catch (VulnDbException e) {
            throw new IllegalStateException("The vulnerability database " + file + " could not be opened: "
                    + e.getMessage(), e);
        }
    }

    /** Analyzes each inventory; with no database file yet, every inventory has no findings. */
    public List<List<StoredFinding>> analyze(List<Inventory> inventories) {
        if (!Files.isRegularFile(file)) {
            LOG.warn("No vulnerability database at {}: stored scans get no findings until an admin imports feeds"
                    + " or db update runs", file);
            return inventories.stream().map(i -> List.<StoredFinding>of()).toList();
        }
        try (VulnDatabase database = VulnDatabase.open(file)) {
            return inventories.stream().map(inventory -> analyzer.analyze(inventory, database)).toList();
        } catch (VulnDbException e) {
            throw new IllegalStateException("The vulnerability database " + file + " could not be opened: "
                    + e.getMessage(), e);
        }
    }
}
