package dev.portcullis.report;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.triage.TriageResult;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a triaged scan in one report format, as UTF-8, and leaves the stream open. */
@FunctionalInterface
public interface TriageWriter {

    void write(Inventory inventory, TriageResult result, OutputStream out) throws IOException;
}
