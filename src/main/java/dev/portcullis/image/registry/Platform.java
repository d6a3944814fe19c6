package dev.portcullis.image.registry;

import dev.portcullis.image.ImageException;
import java.util.Objects;

/**
 * An image platform as an image index describes it, written {@code os/arch[/variant]}.
 *
 * <pre>{@code
 * Platform.parse("linux/arm64/v8") -> os "linux", architecture "arm64", variant "v8"
 * }</pre>
 *
 * @param variant CPU variant such as {@code v7} or {@code v8}, null to accept any
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image index</a>
 */
public record Platform(String os, String architecture, String variant) {

    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    /**
     * Parses {@code os/arch[/variant]}; null or blank means linux/amd64.
     *
     * @throws ImageException when the text has not two or three non-empty parts
     */
    public static Platform parse(String text) throws ImageException {
        if (text == null || text.isBlank()) {
            return LINUX_AMD64;
        }
        String[] parts = text.strip().split("/", -1);
        if (parts.length < 2 || parts.length > 3 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new ImageException("Invalid platform '" + text + "': expected os/arch or os/arch/variant, for example linux/arm64/v8");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /**
     * Tells whether an index entry's platform fits this one. A missing variant on either side fits any
     * variant, because indexes often omit {@code v8} for arm64.
     */
    boolean matches(String otherOs, String otherArchitecture, String otherVariant) {
        return os.equals(otherOs)
                && architecture.equals(otherArchitecture)
                && (variant == null || otherVariant == null || Objects.equals(variant, otherVariant));
    }

    @Override
    public String toString() {
        return variant == null ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
    }
}
