package dev.portcullis.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/** The JSON mapper of the API: ISO-8601 instants, no failures on unknown request fields. */
public final class Json {

    private Json() {}

    public static ObjectMapper mapper() {
        SimpleModule instants = new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance);
        return new ObjectMapper().registerModule(instants)
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
