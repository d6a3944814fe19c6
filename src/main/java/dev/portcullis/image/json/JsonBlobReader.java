package dev.portcullis.image.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.ImageException;
import java.io.IOException;

/** Parses manifest, index and config JSON, turning a parse failure into an {@link ImageException} naming the file. */
public final class JsonBlobReader {

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);

    /**
     * Parses JSON bytes.
     *
     * @param location names the file in messages, for example {@code image.tar entry manifest.json}
     * @throws ImageException when the bytes are not valid JSON of the expected shape
     */
    public <T> T read(byte[] json, Class<T> type, String location) throws ImageException {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new ImageException(location + " is empty JSON (null); the image is damaged, so export it again");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ImageException(location + " is not valid JSON (" + e.getOriginalMessage()
                    + "); the image is damaged, so export it again", e);
        } catch (IOException e) {
            throw new ImageException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }
}
