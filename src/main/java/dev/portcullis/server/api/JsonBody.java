package dev.portcullis.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;

/** Reads a request body, within the size limit, as one JSON object. */
public final class JsonBody {

    private final BodyReader bodies;
    private final ObjectMapper mapper = Json.mapper();

    public JsonBody(BodyReader bodies) {
        this.bodies = bodies;
    }

    public JsonNode read(Context ctx) {
        byte[] body = bodies.read(ctx);
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("The body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("The body is not valid JSON.");
        }
    }
}
