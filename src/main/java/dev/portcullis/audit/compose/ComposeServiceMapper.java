package dev.portcullis.audit.compose;

import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.compose.YamlNode.YamlList;
import dev.portcullis.audit.compose.YamlNode.YamlMap;
import dev.portcullis.audit.compose.YamlNode.YamlScalar;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.ContainerSpecBuilder;
import dev.portcullis.audit.container.EnvVar;
import dev.portcullis.audit.container.HealthcheckState;
import dev.portcullis.audit.container.Mount;
import dev.portcullis.audit.container.PortMapping;
import dev.portcullis.audit.container.PortSpecs;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps one resolved compose service to its run settings, reading the short and long syntax of
 * {@code ports}, {@code volumes} and {@code devices}, and limits from both the service keys and
 * {@code deploy.resources.limits}.
 *
 * @see <a href="https://docs.docker.com/reference/compose-file/services/">Compose services</a>
 */
final class ComposeServiceMapper {

    private final String name;
    private final SourceLocation origin;
    private final Set<String> internalNetworks;
    private final List<AuditWarning> warnings;

    ComposeServiceMapper(String name, SourceLocation origin, Set<String> internalNetworks,
            List<AuditWarning> warnings) {
        this.name = name;
        this.origin = origin;
        this.internalNetworks = internalNetworks;
        this.warnings = warnings;
    }

    ContainerSpec map(YamlMap service) {
        ContainerSpecBuilder builder = ContainerSpec.builder(name, origin);
        service.keyLocations().forEach(builder::at);
        builder.privileged(isTrue(service.get("privileged")))
                .readOnly(isTrue(service.get("read_only")))
                .user(text(service.get("user")))
                .networkMode(text(service.get("network_mode")))
                .pidMode(text(service.get("pid")))
                .ipcMode(text(service.get("ipc")))
                .utsMode(text(service.get("uts")))
                .usernsMode(text(service.get("userns_mode")));
        scalars(service.get("cap_add")).forEach(s -> builder.addCapAdd(s.value(), s.location()));
        scalars(service.get("cap_drop")).forEach(s -> builder.addCapDrop(s.value(), s.location()));
        scalars(service.get("security_opt")).forEach(s -> builder.addSecurityOpt(s.value(), s.location()));
        scalars(service.get("tmpfs")).forEach(s -> builder.addTmpfs(s.value().split(":", 2)[0]));
        readVolumes(service.get("volumes"), builder);
        readDevices(service.get("devices"), builder);
        readPorts(service.get("ports"), builder);
        scalars(service.get("expose")).forEach(s -> builder.addPort(PortSpecs.exposed(s.value(), s.location())));
        readNetworks(service.get("networks"), builder);
        readLimits(service, builder);
        readRestart(service, builder);
        builder.healthcheck(healthcheck(service.get("healthcheck")));
        readEnvironment(service.get("environment"), builder);
        return builder.build();
    }

    private void readVolumes(YamlNode volumes, ContainerSpecBuilder builder) {
        for (YamlNode item : items(volumes)) {
            if (item instanceof YamlScalar scalar && scalar.value() != null) {
                builder.addMount(shortVolume(scalar.value(), scalar.location()));
            } else if (item instanceof YamlMap map) {
                String type = orDefault(text(map.get("type")), "volume");
                YamlNode bind = map.get("bind");
                String propagation = bind instanceof YamlMap bindOptions ? text(bindOptions.get("propagation")) : null;
                Mount mount = new Mount(type, text(map.get("source")), text(map.get("target")),
                        isTrue(map.get("read_only")), propagation, map.location());
                builder.addMount(mount);
                if (type.equals("tmpfs") && mount.target() != null) {
                    builder.addTmpfs(mount.target());
                }
            }
        }
    }

    /** Reads {@code SOURCE:TARGET[:MODE]}: a source starting with /, . or ~ is a bind mount. */
    private static Mount shortVolume(String text, SourceLocation location) {
        String[] parts = text.split(":", -1);
        if (parts.length == 1) {
            return new Mount("volume", null, parts[0], false, null, location);
        }
        List<String> options = parts.length > 2 ? List.of(parts[2].split(",")) : List.of();
        String propagation = options.stream().filter(Mount.PROPAGATION_MODES::contains).findFirst().orElse(null);
        boolean bind = parts[0].startsWith("/") || parts[0].startsWith(".") || parts[0].startsWith("~");
        return new Mount(bind ? "bind" : "volume", parts[0], parts[1], options.contains("ro"), propagation, location);
    }

    private void readDevices(YamlNode devices, ContainerSpecBuilder builder) {
        for (YamlNode item : items(devices)) {
            if (item instanceof YamlScalar scalar && scalar.value() != null) {
                builder.addDevice(scalar.value(), scalar.location());
            } else if (item instanceof YamlMap map) {
                builder.addDevice(orDefault(text(map.get("source")), "(unnamed)"), map.location());
            }
        }
    }

    private void readPorts(YamlNode ports, ContainerSpecBuilder builder) {
        for (YamlNode item : items(ports)) {
            if (item instanceof YamlScalar scalar && scalar.value() != null) {
                PortSpecs.parsePublished(scalar.value(), scalar.location()).ifPresentOrElse(builder::addPort,
                        () -> warnings.add(new AuditWarning(scalar.location(),
                                "invalid port '" + scalar.value() + "' of service " + name + " is ignored")));
            } else if (item instanceof YamlMap map) {
                String published = text(map.get("published"));
                builder.addPort(new PortMapping(text(map.get("host_ip")), published, text(map.get("target")),
                        orDefault(text(map.get("protocol")), "tcp"), true, map.location()));
            }
        }
    }

    private void readNetworks(YamlNode networks, ContainerSpecBuilder builder) {
        if (networks instanceof YamlMap map) {
            map.entries().keySet().stream().filter(internalNetworks::contains).forEach(builder::addInternalNetwork);
        } else {
            scalars(networks).stream().map(YamlScalar::value).filter(internalNetworks::contains)
                    .forEach(builder::addInternalNetwork);
        }
    }

    private static void readLimits(YamlMap service, ContainerSpecBuilder builder) {
        YamlNode limitsNode = path(service, "deploy", "resources", "limits");
        YamlMap limits = limitsNode instanceof YamlMap map ? map : null;
        SourceLocation deployAt = service.keyLocation("deploy");
        String memory = firstSet(text(service.get("mem_limit")), limits == null ? null : text(limits.get("memory")));
        String cpus = firstSet(text(service.get("cpus")), text(service.get("cpu_quota")),
                text(service.get("cpu_shares")), limits == null ? null : text(limits.get("cpus")));
        String pids = firstSet(text(service.get("pids_limit")), limits == null ? null : text(limits.get("pids")));
        builder.memoryLimit(unlimitedToNull(memory)).cpuLimit(unlimitedToNull(cpus)).pidsLimit(unlimitedToNull(pids));
        if (service.get("deploy") != null) {
            builder.at("mem_limit", deployAt).at("cpus", deployAt).at("pids_limit", deployAt);
        }
    }

    private static void readRestart(YamlMap service, ContainerSpecBuilder builder) {
        String restart = text(service.get("restart"));
        YamlNode policyNode = path(service, "deploy", "restart_policy");
        if (restart == null && policyNode instanceof YamlMap policy) {
            builder.restartPolicy(orDefault(text(policy.get("condition")), "any"))
                    .restartMaxAttempts(text(policy.get("max_attempts")))
                    .at("restart", service.keyLocation("deploy"));
            return;
        }
        builder.restartPolicy(restart);
    }

    private static HealthcheckState healthcheck(YamlNode node) {
        if (!(node instanceof YamlMap healthcheck)) {
            return HealthcheckState.UNSET;
        }
        if (isTrue(healthcheck.get("disable"))) {
            return HealthcheckState.DISABLED;
        }
        YamlNode test = healthcheck.get("test");
        String first = test instanceof YamlList list && !list.items().isEmpty() ? text(list.items().getFirst())
                : text(test);
        if (first == null) {
            return HealthcheckState.UNSET;
        }
        return first.equalsIgnoreCase("NONE") ? HealthcheckState.DISABLED : HealthcheckState.DEFINED;
    }

    private static void readEnvironment(YamlNode environment, ContainerSpecBuilder builder) {
        if (environment == null) {
            return;
        }
        YamlMap variables = KeyValues.toMap(environment);
        for (Map.Entry<String, YamlNode> entry : variables.entries().entrySet()) {
            SourceLocation at = variables.keyLocation(entry.getKey());
            if (entry.getValue() instanceof YamlScalar scalar) {
                builder.addEnvironment(new EnvVar(entry.getKey(), scalar.value(), scalar.template(), at));
            }
        }
    }

    private static YamlNode path(YamlMap map, String... keys) {
        YamlNode node = map;
        for (String key : keys) {
            if (!(node instanceof YamlMap current)) {
                return null;
            }
            node = current.get(key);
        }
        return node;
    }

    private static List<YamlNode> items(YamlNode node) {
        if (node instanceof YamlList list) {
            return list.items();
        }
        return node instanceof YamlScalar scalar && scalar.value() != null ? List.of(scalar) : List.of();
    }

    private static List<YamlScalar> scalars(YamlNode node) {
        return items(node).stream().filter(n -> n instanceof YamlScalar s && s.value() != null)
                .map(n -> (YamlScalar) n).toList();
    }

    private static String text(YamlNode node) {
        return node instanceof YamlScalar scalar ? scalar.value() : null;
    }

    private static boolean isTrue(YamlNode node) {
        String value = text(node);
        return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static String unlimitedToNull(String value) {
        return value == null || value.matches("-1|0+(\\.0*)?[bkmgBKMG]?") ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
