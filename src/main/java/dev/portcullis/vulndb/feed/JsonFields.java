package dev.portcullis.vulndb.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Null-tolerant reads of JSON fields shared by the importers. */
final class JsonFields {

    private JsonFields() {}

    /** Returns the field's text, or null when it is missing, null or not a scalar. */
    /**
     * Describes a JSON syntax error by line and column, without Jackson's internal source description,
     * which reads {@code [Source: REDACTED ...]} and helps no user.
     */
    static String syntaxError(com.fasterxml.jackson.core.JacksonException e) {
        String message = e.getOriginalMessage();
        int detail = message.indexOf(" (start marker at");
        if (detail > 0) {
            message = message.substring(0, detail);
        }
        var location = e.getLocation();
        return location == null ? message
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    static List<String> texts(JsonNode node, String field) {
        List<String> result = new ArrayList<>();
        JsonNode value = node.get(field);
        if (value != null && value.isArray()) {
            value.forEach(item -> {
                if (item.isValueNode() && !item.isNull()) {
                    result.add(item.asText());
                }
            });
        }
        return result;
    }

    /** Returns the field as raw JSON, or null when it is missing or null. */
    static String raw(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.toString();
    }

    /**
     * Parses a timestamp in the forms the feeds use: RFC 3339 with a zone ({@code 2021-05-06T16:05:51Z}),
     * NVD's local form read as UTC ({@code 2023-10-03T18:15:10.463}), or a date alone.
     *
     * @throws DateTimeParseException when the text has none of these forms
     */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
