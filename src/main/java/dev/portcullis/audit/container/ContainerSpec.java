package dev.portcullis.audit.container;

import dev.portcullis.audit.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * The security-relevant run settings of one container, read from a compose service or a docker run
 * command line. Settings that are not given are null (strings) or empty (lists).
 *
 * @param name the compose service name, or {@code container} for a docker run command line
 * @param origin where the service or command starts; the location of settings without their own
 * @param keyLocations where each set key was written, by compose key name ({@code cap_add}, {@code user})
 * @param internalNetworks the attached networks declared {@code internal: true}
 * @param memoryLimit memory limit as written, for example {@code 512M}
 * @param restartPolicy restart policy as written, for example {@code on-failure:5}
 * @param restartMaxAttempts {@code deploy.restart_policy.max_attempts} as written
 */
public record ContainerSpec(
        String name,
        SourceLocation origin,
        Map<String, SourceLocation> keyLocations,
        boolean privileged,
        List<Located> capAdd,
        List<Located> capDrop,
        List<Located> securityOpt,
        boolean readOnly,
        List<String> tmpfs,
        String user,
        String networkMode,
        String pidMode,
        String ipcMode,
        String utsMode,
        String usernsMode,
        List<Mount> mounts,
        List<Located> devices,
        List<PortMapping> ports,
        List<String> internalNetworks,
        String memoryLimit,
        String cpuLimit,
        String pidsLimit,
        String restartPolicy,
        String restartMaxAttempts,
        HealthcheckState healthcheck,
        List<EnvVar> environment) {

    public ContainerSpec {
        keyLocations = Map.copyOf(keyLocations);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        securityOpt = List.copyOf(securityOpt);
        tmpfs = List.copyOf(tmpfs);
        mounts = List.copyOf(mounts);
        devices = List.copyOf(devices);
        ports = List.copyOf(ports);
        internalNetworks = List.copyOf(internalNetworks);
        environment = List.copyOf(environment);
    }

    /** Returns where {@code key} was written, or the service origin when the key is not set. */
    public SourceLocation locate(String key) {
        return keyLocations.getOrDefault(key, origin);
    }

    public static ContainerSpecBuilder builder(String name, SourceLocation origin) {
        return new ContainerSpecBuilder(name, origin);
    }
}
