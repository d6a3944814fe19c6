package dev.portcullis.audit.container;

import dev.portcullis.audit.SourceLocation;
import java.util.Set;

/**
 * A volume, bind mount or tmpfs of a container.
 *
 * @param type {@code bind}, {@code volume} or {@code tmpfs}
 * @param source the host path of a bind mount, the volume name, or null for an anonymous volume or tmpfs
 * @param target the path inside the container
 * @param propagation the bind propagation ({@code shared}, {@code rshared}, {@code slave}, ...), or null for the
 *     default, {@code rprivate}
 */
public record Mount(
        String type, String source, String target, boolean readOnly, String propagation, SourceLocation location) {

    /** The bind propagation modes Docker accepts. */
    public static final Set<String> PROPAGATION_MODES =
            Set.of("shared", "rshared", "slave", "rslave", "private", "rprivate");

    /** Returns true when mounts made on either side appear on the other, as {@code shared} and {@code rshared} do. */
    public boolean isSharedPropagation() {
        return "shared".equals(propagation) || "rshared".equals(propagation);
    }


    public boolean isBind() {
        return "bind".equals(type);
    }
}
