package dev.portcullis.report.config;

import java.util.Locale;

/** The input a configuration finding was read from. */
public enum ConfigOrigin {
    /** A Dockerfile, checked by the lint rules. */
    DOCKERFILE,
    /** A compose file, checked by the audit rules. */
    COMPOSE,
    /** A {@code docker run} command line, checked by the audit rules. */
    DOCKER_RUN,
    /** The image itself: its config, build history and layers, checked by the audit rules. */
    IMAGE;

    /** Returns the name the JSON report uses, for example {@code docker-run}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
