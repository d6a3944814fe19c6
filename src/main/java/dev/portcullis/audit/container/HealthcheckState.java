package dev.portcullis.audit.container;

/** Whether a container's run configuration sets a healthcheck. */
public enum HealthcheckState {
    /** A healthcheck command is set. */
    DEFINED,
    /** The healthcheck is switched off ({@code disable: true}, test {@code NONE}, {@code --no-healthcheck}). */
    DISABLED,
    /** Nothing is set, so the image's HEALTHCHECK applies if it has one. */
    UNSET
}
