package dev.portcullis.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies up to a limit. A declared length over the limit is rejected before any byte is
 * read, and a chunked body is cut off as soon as it passes the limit, so no upload fills the memory.
 */
public final class BodyReader {

    private final long maxBytes;

    public BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Rejects a request whose Content-Length exceeds the limit. */
    public void checkDeclaredLength(Context ctx) {
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > maxBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length is not a number.");
            }
        }
    }

    public byte[] read(Context ctx) {
        checkDeclaredLength(ctx);
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "The request body is larger than the server's limit of " + maxBytes
                + " bytes (--max-upload-bytes).");
    }
}
