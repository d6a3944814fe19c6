package dev.portcullis.audit.container;

import dev.portcullis.audit.SourceLocation;

/**
 * A volume, bind mount or tmpfs of a container.
 *
 * @param type {@code bind}, {@code volume} or {@code tmpfs}
 * @param source the host path of a bind mount, the volume name, or null for an anonymous volume or tmpfs
 * @param target the path inside the container
 */
public record Mount(String type, String source, String target, boolean readOnly, SourceLocation location) {

    public boolean isBind() {
        return "bind".equals(type);
    }
}
