package dev.portcullis.vulndb;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Converts the model records to and from the JSON documents stored in the database. Dates are
 * written as ISO-8601 text, so the stored JSON stays readable with the {@code sqlite3} shell.
 */
final class DocumentCodec {

    private final ObjectMapper mapper;

    DocumentCodec() {
        SimpleModule dates = new SimpleModule("iso-dates");
        dates.addSerializer(Instant.class, new TextSerializer<>());
        dates.addDeserializer(Instant.class, new TextDeserializer<>(Instant::parse));
        dates.addSerializer(LocalDate.class, new TextSerializer<>());
        dates.addDeserializer(LocalDate.class, new TextDeserializer<>(LocalDate::parse));
        mapper = new ObjectMapper()
                .registerModule(dates)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                // Only record components are stored. Derived methods such as isWithdrawn() are left out.
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                // Absent values are left out to keep the file small. A missing field reads back as null.
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Failed to write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Failed to read a stored " + type.getSimpleName() + " document (" + e.getOriginalMessage()
                    + "): rebuild the database with `portcullis db update`", e);
        }
    }

    private static final class TextSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class TextDeserializer<T> extends JsonDeserializer<T> {
        private final Function<String, T> parse;

        TextDeserializer(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return parse.apply(parser.getValueAsString());
        }
    }
}
