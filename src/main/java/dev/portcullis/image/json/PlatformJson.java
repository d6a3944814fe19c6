package dev.portcullis.image.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The platform of a manifest listed in an image index. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformJson(String architecture, String os, String variant) {

    /** Returns the platform as {@code os/arch[/variant]}, for example {@code linux/arm/v7}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
    }
}
