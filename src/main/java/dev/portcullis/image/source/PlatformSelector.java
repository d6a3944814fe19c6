package dev.portcullis.image.source;

import dev.portcullis.image.ImageException;
import dev.portcullis.image.json.DescriptorJson;
import dev.portcullis.image.json.PlatformJson;
import java.util.List;

/**
 * Picks the manifest for one platform out of an image index. The platform is written
 * {@code os/arch[/variant]}, for example {@code linux/arm64/v8}; without a variant any variant of the
 * architecture matches.
 */
final class PlatformSelector {

    static final String DEFAULT_PLATFORM = "linux/amd64";

    private final String os;
    private final String architecture;
    private final String variant;
    private final String text;

    private PlatformSelector(String os, String architecture, String variant, String text) {
        this.os = os;
        this.architecture = architecture;
        this.variant = variant;
        this.text = text;
    }

    /**
     * Parses a platform, or returns the default ({@value #DEFAULT_PLATFORM}) for null.
     *
     * @throws ImageException when the text is not {@code os/arch[/variant]}
     */
    static PlatformSelector parse(String platform) throws ImageException {
        String text = platform == null || platform.isBlank() ? DEFAULT_PLATFORM : platform.trim();
        String[] parts = text.split("/");
        if (parts.length < 2 || parts.length > 3 || List.of(parts).stream().anyMatch(String::isEmpty)) {
            throw new ImageException("invalid platform '" + platform + "'; write it as os/arch[/variant], for example "
                    + DEFAULT_PLATFORM);
        }
        return new PlatformSelector(parts[0], parts[1], parts.length == 3 ? parts[2] : null, text);
    }

    /**
     * Returns the descriptor for this platform.
     *
     * @throws ImageException naming the available platforms when none matches
     */
    DescriptorJson select(List<DescriptorJson> manifests, String location) throws ImageException {
        for (DescriptorJson descriptor : manifests) {
            if (matches(descriptor.platform())) {
                return descriptor;
            }
        }
        List<String> available = manifests.stream()
                .map(DescriptorJson::platform)
                .filter(p -> p != null && !"unknown".equals(p.os()))
                .map(PlatformJson::toString)
                .distinct()
                .toList();
        throw new ImageException(location + " has no image for platform " + text + "; available platforms: "
                + (available.isEmpty() ? "none listed" : String.join(", ", available))
                + ". Choose one of them as the platform (os/arch[/variant])");
    }

    private boolean matches(PlatformJson platform) {
        return platform != null
                && os.equals(platform.os())
                && architecture.equals(platform.architecture())
                && (variant == null || variant.equals(platform.variant()));
    }
}
