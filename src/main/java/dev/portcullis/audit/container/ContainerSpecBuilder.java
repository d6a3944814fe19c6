package dev.portcullis.audit.container;

import dev.portcullis.audit.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects run settings from a compose service or a command line; setters return this. */
public final class ContainerSpecBuilder {

    private final String name;
    private final SourceLocation origin;
    private final Map<String, SourceLocation> keyLocations = new HashMap<>();
    private boolean privileged;
    private final List<Located> capAdd = new ArrayList<>();
    private final List<Located> capDrop = new ArrayList<>();
    private final List<Located> securityOpt = new ArrayList<>();
    private boolean readOnly;
    private final List<String> tmpfs = new ArrayList<>();
    private String user;
    private String networkMode;
    private String pidMode;
    private String ipcMode;
    private String utsMode;
    private String usernsMode;
    private final List<Mount> mounts = new ArrayList<>();
    private final List<Located> devices = new ArrayList<>();
    private final List<PortMapping> ports = new ArrayList<>();
    private final List<String> internalNetworks = new ArrayList<>();
    private String memoryLimit;
    private String cpuLimit;
    private String pidsLimit;
    private String restartPolicy;
    private String restartMaxAttempts;
    private HealthcheckState healthcheck = HealthcheckState.UNSET;
    private final List<EnvVar> environment = new ArrayList<>();

    ContainerSpecBuilder(String name, SourceLocation origin) {
        this.name = name;
        this.origin = origin;
    }

    /** Records where {@code key} was written; the first location recorded for a key wins. */
    public ContainerSpecBuilder at(String key, SourceLocation location) {
        keyLocations.putIfAbsent(key, location);
        return this;
    }

    public ContainerSpecBuilder privileged(boolean value) {
        privileged = value;
        return this;
    }

    public ContainerSpecBuilder addCapAdd(String capability, SourceLocation location) {
        capAdd.add(new Located(capability, location));
        return this;
    }

    public ContainerSpecBuilder addCapDrop(String capability, SourceLocation location) {
        capDrop.add(new Located(capability, location));
        return this;
    }

    public ContainerSpecBuilder addSecurityOpt(String option, SourceLocation location) {
        securityOpt.add(new Located(option, location));
        return this;
    }

    public ContainerSpecBuilder readOnly(boolean value) {
        readOnly = value;
        return this;
    }

    public ContainerSpecBuilder addTmpfs(String target) {
        tmpfs.add(target);
        return this;
    }

    public ContainerSpecBuilder user(String value) {
        user = value;
        return this;
    }

    public ContainerSpecBuilder networkMode(String value) {
        networkMode = value;
        return this;
    }

    public ContainerSpecBuilder pidMode(String value) {
        pidMode = value;
        return this;
    }

    public ContainerSpecBuilder ipcMode(String value) {
        ipcMode = value;
        return this;
    }

    public ContainerSpecBuilder utsMode(String value) {
        utsMode = value;
        return this;
    }

    public ContainerSpecBuilder usernsMode(String value) {
        usernsMode = value;
        return this;
    }

    public ContainerSpecBuilder addMount(Mount mount) {
        mounts.add(mount);
        return this;
    }

    public ContainerSpecBuilder addDevice(String device, SourceLocation location) {
        devices.add(new Located(device, location));
        return this;
    }

    public ContainerSpecBuilder addPort(PortMapping port) {
        ports.add(port);
        return this;
    }

    public ContainerSpecBuilder addInternalNetwork(String network) {
        internalNetworks.add(network);
        return this;
    }

    public ContainerSpecBuilder memoryLimit(String value) {
        memoryLimit = value;
        return this;
    }

    public ContainerSpecBuilder cpuLimit(String value) {
        cpuLimit = value;
        return this;
    }

    public ContainerSpecBuilder pidsLimit(String value) {
        pidsLimit = value;
        return this;
    }

    public ContainerSpecBuilder restartPolicy(String value) {
        restartPolicy = value;
        return this;
    }

    public ContainerSpecBuilder restartMaxAttempts(String value) {
        restartMaxAttempts = value;
        return this;
    }

    public ContainerSpecBuilder healthcheck(HealthcheckState value) {
        healthcheck = value;
        return this;
    }

    public ContainerSpecBuilder addEnvironment(EnvVar variable) {
        environment.add(variable);
        return this;
    }

    public ContainerSpec build() {
        return new ContainerSpec(name, origin, keyLocations, privileged, capAdd, capDrop, securityOpt, readOnly,
                tmpfs, user, networkMode, pidMode, ipcMode, utsMode, usernsMode, mounts, devices, ports,
                internalNetworks, memoryLimit, cpuLimit, pidsLimit, restartPolicy, restartMaxAttempts, healthcheck,
                environment);
    }
}
