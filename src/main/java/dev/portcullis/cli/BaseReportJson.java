package dev.portcullis.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.portcullis.base.BaseReport;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * Writes a base report as JSON: the report records as they are, dates as {@code YYYY-MM-DD},
 * absent values left out. Each image also carries {@code endOfLife} and {@code outdated}.
 */
final class BaseReportJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new SimpleModule("iso-dates").addSerializer(LocalDate.class, ToStringSerializer.instance))
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);

    String format(BaseReport report) {
        try {
            return mapper.writeValueAsString(report) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Failed to write the base report as JSON", e);
        }
    }
}
