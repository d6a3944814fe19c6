package dev.portcullis.triage.collect;

import dev.portcullis.image.ImageConfig;
import java.util.List;

/**
 * The conditions the deployment sets for an attacker, as far as they are known. A null flag means unknown, and an
 * unknown fact never lowers a risk.
 *
 * @param source where the facts come from, for example {@code image config}
 * @param ports the ports the deployment publishes, or (from the image config alone) exposes
 * @param user the user the container runs as, or null for root by default
 * @param readOnlyRootfs whether the root filesystem is mounted read-only, or null when unknown
 * @param noNewPrivileges whether {@code no-new-privileges} is set, or null when unknown
 * @param allCapabilitiesDropped whether every capability is dropped, or null when unknown
 */
public record DeploymentFacts(String source, List<String> ports, String user, Boolean readOnlyRootfs,
        Boolean noNewPrivileges, Boolean allCapabilitiesDropped) {

    public DeploymentFacts {
        ports = List.copyOf(ports);
    }

    /**
     * Reads the facts that the image config alone contains.
     * TODO: add compose and docker run facts (published ports, read_only, security_opt, cap_drop) once
     * the audit package parses them.
     */
    public static DeploymentFacts of(ImageConfig config) {
        return new DeploymentFacts("image config", config.exposedPorts(), config.user(), null, null, null);
    }

    /** Returns whether the container runs as a user other than root. */
    public boolean nonRoot() {
        if (user == null || user.isBlank()) {
            return false;
        }
        String name = user.split(":")[0];
        return !name.equals("root") && !name.equals("0");
    }
}
