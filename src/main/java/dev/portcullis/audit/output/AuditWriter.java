package dev.portcullis.audit.output;

import dev.portcullis.audit.AuditResult;
import java.io.IOException;
import java.io.Writer;

/** Writes an audit result in one format. Every value in a result is already redacted. */
public interface AuditWriter {

    void write(AuditResult result, Writer out) throws IOException;

    static AuditWriter of(AuditFormat format) {
        return switch (format) {
            case TABLE -> new AuditTableWriter();
            case JSON -> new AuditJsonWriter();
            case SARIF -> new AuditSarifWriter();
        };
    }
}
