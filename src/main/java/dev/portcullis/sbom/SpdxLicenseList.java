package dev.portcullis.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The identifiers of the SPDX License List: licenses and license exceptions.
 *
 * <p>The list is read from {@code spdx.schema.json}, the enumeration that cyclonedx-core-java ships
 * for its own schema validation. So the identifiers accepted here are exactly the ones a CycloneDX
 * validator accepts in {@code license.id}. See <a href="https://spdx.org/licenses/">the SPDX License
 * List</a>.
 */
public final class SpdxLicenseList {

    private static final String RESOURCE = "/spdx.schema.json";

    private final Map<String, String> canonicalByLowerCase;
    private final String version;

    private SpdxLicenseList(Map<String, String> canonicalByLowerCase, String version) {
        this.canonicalByLowerCase = Map.copyOf(canonicalByLowerCase);
        this.version = version;
    }

    /**
     * Reads the list from the classpath.
     *
     * @throws UncheckedIOException when cyclonedx-core-java's {@code spdx.schema.json} is missing or
     *     unreadable, which means the build is broken
     */
    public static SpdxLicenseList load() {
        try (InputStream in = SpdxLicenseList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " not found: is cyclonedx-core-java on the classpath?");
            }
            JsonNode schema = new ObjectMapper().readTree(in);
            Map<String, String> ids = new HashMap<>();
            schema.path("enum").forEach(id -> ids.put(id.asText().toLowerCase(Locale.ROOT), id.asText()));
            return new SpdxLicenseList(ids, listVersion(schema.path("$comment").asText("")));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the SPDX license list from " + RESOURCE, e);
        }
    }

    /**
     * Returns the identifier as the list spells it. SPDX matches identifiers without regard to case,
     * so {@code mit} returns {@code MIT}.
     */
    public Optional<String> canonicalId(String id) {
        return Optional.ofNullable(canonicalByLowerCase.get(id.toLowerCase(Locale.ROOT)));
    }

    /** Returns the list version in {@code MAJOR.MINOR} form, for example {@code 3.27}, or null if unknown. */
    public String version() {
        return version;
    }

    // The resource states its version in a comment such as "v1.0-3.27.0".
    private static String listVersion(String comment) {
        int dash = comment.lastIndexOf('-');
        String[] parts = comment.substring(dash + 1).split("\\.");
        return parts.length >= 2 && parts[0].chars().allMatch(Character::isDigit) ? parts[0] + "." + parts[1] : null;
    }
}
