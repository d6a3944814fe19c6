package dev.portcullis.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine.Option;

/**
 * The {@code --output} option. A report goes to a temporary file beside the target and is moved into
 * place only when complete, so a failed run never leaves half a report behind.
 */
public final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path output;

    /** Writes through {@code body} to the chosen destination. */
    public void write(ReportBody body) throws IOException {
        if (output == null) {
            body.writeTo(System.out);
            System.out.flush();
            return;
        }
        Path absolute = output.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new UsageException("cannot write " + output + ": it is a folder; name a file, for example "
                    + output.resolve("report.json"));
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // A device or pipe such as /dev/null: write straight into it, never replace it.
            try (OutputStream out = Files.newOutputStream(absolute)) {
                body.writeTo(out);
            }
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException("cannot write " + output + ": folder " + parent + " does not exist");
        }
        // createTempFile makes the file private (0600); a report is meant to be read by others, as a plain write would allow.
        Path temporary = Files.createTempFile(parent, ".portcullis-", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its defaults apply.
        }
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                body.writeTo(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes text through {@code body} to the chosen file, or to {@code stdout} when no file is named.
     * Commands that print through picocli's writer use this, so a caller that replaces the writer
     * captures the output. A body that closes its writer, as Jackson does by default, only flushes it.
     */
    public void writeText(PrintWriter stdout, TextBody body) throws IOException {
        if (output == null) {
            body.writeTo(new FlushOnClose(stdout));
            stdout.flush();
            return;
        }
        write(stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            body.writeTo(new FlushOnClose(writer));
            writer.flush();
        });
    }

    public boolean toTerminal() {
        return output == null && System.console() != null;
    }

    /** Writes one report to a stream. */
    @FunctionalInterface
    public interface ReportBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes one report as text. */
    @FunctionalInterface
    public interface TextBody {
        void writeTo(Writer out) throws IOException;
    }

    /** Keeps stdout and the temporary file open until the report is complete and moved into place. */
    private static final class FlushOnClose extends FilterWriter {

        FlushOnClose(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
