package dev.portcullis.triage;

/** The kind of fact a piece of {@link Evidence} records. */
public enum EvidenceKind {
    /** The way a database record matched: the versions compared and the comparator. */
    MATCH,
    /** Two versions compared with a named comparator. */
    VERSION_COMPARISON,
    /** The distro's status words for the package in the image's release. */
    DISTRO_STATUS,
    /** A line of a package's changelog inside the image. */
    CHANGELOG,
    /** A file of the image, present or absent, with the layer that wrote it. */
    FILE,
    /** A field of the image config, such as the entrypoint or the user. */
    IMAGE_CONFIG,
    /** A line of the Dockerfile the image was built from. */
    DOCKERFILE,
    /** A key of a compose file or an option of a docker run command. */
    DEPLOYMENT,
    /** A CVSS vector whose conditions were weighed. */
    CVSS,
    /** An entry of the CISA Known Exploited Vulnerabilities catalog. */
    KEV,
    /** An EPSS estimate. */
    EPSS,
    /** A VEX statement or an analyst decision. */
    STATEMENT,
    /** What the static import analysis found: an import chain, an unresolved load, the entry points searched. */
    REACHABILITY,
    /** A fact that could not be checked, with the reason. */
    ABSENT
}
