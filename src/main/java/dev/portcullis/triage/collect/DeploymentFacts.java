package dev.portcullis.triage.collect;

import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.Located;
import dev.portcullis.audit.container.PortMapping;
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
 * @param runSettings whether the facts come from how the container runs (compose, docker run) rather
 *     than from the image config, whose exposed ports do not limit what {@code -p} publishes
 */
public record DeploymentFacts(String source, List<String> ports, String user, Boolean readOnlyRootfs,
        Boolean noNewPrivileges, Boolean allCapabilitiesDropped, boolean runSettings) {

    public DeploymentFacts {
        ports = List.copyOf(ports);
    }

    /** Reads the facts that the image config alone contains: its exposed ports and user. */
    public static DeploymentFacts of(ImageConfig config) {
        return new DeploymentFacts("image config", config.exposedPorts(), config.user(), null, null, null, false);
    }

    /**
     * Reads the run settings of a compose service or docker run command, with the image config's user
     * when the container sets none. Only published ports count; exposed ones reach linked containers only.
     *
     * @param source where the settings come from, for example {@code compose.yaml service api}
     */
    public static DeploymentFacts of(String source, ContainerSpec container, ImageConfig config) {
        List<String> published = container.ports().stream()
                .filter(PortMapping::published)
                .map(port -> (port.hostPort() == null ? "" : port.hostPort() + ":") + port.containerPort())
                .toList();
        boolean noNewPrivileges = container.securityOpt().stream().map(Located::value)
                .map(option -> option.replace('=', ':').toLowerCase(java.util.Locale.ROOT))
                .anyMatch(option -> option.equals("no-new-privileges") || option.equals("no-new-privileges:true"));
        boolean allDropped = container.capDrop().stream().map(Located::value).anyMatch(cap -> cap.equalsIgnoreCase("ALL"));
        String user = container.user() != null ? container.user() : config.user();
        return new DeploymentFacts(source, published, user, container.readOnly(), noNewPrivileges, allDropped, true);
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
