package dev.portcullis.image;

/** Where image files come from. The names match the IMAGE prefixes the command line accepts. */
public enum SourceKind {
    DOCKER_ARCHIVE("docker-archive"),
    OCI_LAYOUT("oci"),
    OCI_ARCHIVE("oci-archive"),
    ROOTFS("dir"),
    PROJECT("project"),
    REGISTRY("registry");

    private final String prefix;

    SourceKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
