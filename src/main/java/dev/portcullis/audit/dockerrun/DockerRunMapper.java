package dev.portcullis.audit.dockerrun;

import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.container.ContainerSpecBuilder;
import dev.portcullis.audit.container.EnvVar;
import dev.portcullis.audit.container.HealthcheckState;
import dev.portcullis.audit.container.Mount;
import dev.portcullis.audit.container.PortMapping;
import dev.portcullis.audit.container.PortSpecs;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Applies docker run options to a container's settings. */
final class DockerRunMapper {

    private final ContainerSpecBuilder builder;
    private final SourceLocation location;
    private final List<AuditWarning> warnings;

    DockerRunMapper(ContainerSpecBuilder builder, SourceLocation location, List<AuditWarning> warnings) {
        this.builder = builder;
        this.location = location;
        this.warnings = warnings;
    }

    void apply(DockerRunOption option) {
        String value = option.value();
        switch (option.name()) {
            case "privileged" -> builder.privileged(isTrue(value));
            case "read-only" -> builder.readOnly(isTrue(value));
            case "cap-add" -> splitList(value).forEach(c -> builder.addCapAdd(c, location));
            case "cap-drop" -> splitList(value).forEach(c -> builder.addCapDrop(c, location));
            case "security-opt" -> builder.addSecurityOpt(value, location);
            case "user" -> builder.user(value);
            case "network", "net" -> builder.networkMode(value);
            case "pid" -> builder.pidMode(value);
            case "ipc" -> builder.ipcMode(value);
            case "uts" -> builder.utsMode(value);
            case "userns" -> builder.usernsMode(value);
            case "volume" -> builder.addMount(volume(value));
            case "mount" -> builder.addMount(mount(value));
            case "tmpfs" -> tmpfs(value.split(":", 2)[0]);
            case "device" -> builder.addDevice(value, location);
            case "publish" -> publish(value);
            case "publish-all" -> publishAll(value);
            case "expose" -> builder.addPort(PortSpecs.exposed(value, location));
            case "memory" -> builder.memoryLimit(isUnlimited(value) ? null : value);
            case "cpus", "cpu-quota", "cpu-shares" -> builder.cpuLimit(isUnlimited(value) ? null : value);
            case "pids-limit" -> builder.pidsLimit(isUnlimited(value) ? null : value);
            case "restart" -> builder.restartPolicy(value);
            case "health-cmd" -> builder.healthcheck(HealthcheckState.DEFINED);
            case "no-healthcheck" -> builder.healthcheck(isTrue(value) ? HealthcheckState.DISABLED
                    : HealthcheckState.UNSET);
            case "env" -> environment(value);
            // TODO: read --env-file files relative to the working folder once a caller needs their secrets checked.
            case "env-file" -> warnings.add(new AuditWarning(location,
                    "--env-file " + value + " is not read; its variables are not checked for secrets"));
            default -> {
                // Options without a security bearing (name, hostname, dns, ...) need no mapping.
            }
        }
    }

    private void tmpfs(String target) {
        builder.addTmpfs(target);
        builder.addMount(new Mount("tmpfs", null, target, false, null, location));
    }

    private void publish(String value) {
        PortSpecs.parsePublished(value, location).ifPresentOrElse(builder::addPort,
                () -> warnings.add(new AuditWarning(location, "invalid published port '" + value + "' is ignored")));
    }

    private void publishAll(String value) {
        if (isTrue(value)) {
            builder.addPort(new PortMapping(null, null, "every exposed port", "tcp", true, location));
        }
    }

    private void environment(String value) {
        int equals = value.indexOf('=');
        if (equals < 0) {
            builder.addEnvironment(new EnvVar(value, null, null, location));
        } else {
            builder.addEnvironment(new EnvVar(value.substring(0, equals), value.substring(equals + 1), null, location));
        }
    }

    /** Reads {@code -v [SOURCE:]TARGET[:OPTIONS]}: an absolute or relative source is a bind mount. */
    private Mount volume(String value) {
        String[] parts = value.split(":", -1);
        if (parts.length == 1) {
            return new Mount("volume", null, parts[0], false, null, location);
        }
        String source = parts[0];
        String target = parts[1];
        List<String> options = parts.length > 2 ? List.of(parts[2].split(",")) : List.of();
        String propagation = options.stream().filter(Mount.PROPAGATION_MODES::contains).findFirst().orElse(null);
        boolean bind = source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
        return new Mount(bind ? "bind" : "volume", source, target, options.contains("ro"), propagation, location);
    }

    /** Reads {@code --mount type=bind,source=/x,target=/y,readonly,bind-propagation=rslave}. */
    private Mount mount(String value) {
        Map<String, String> fields = new HashMap<>();
        for (String field : value.split(",")) {
            int equals = field.indexOf('=');
            String key = (equals < 0 ? field : field.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            fields.put(key, equals < 0 ? "true" : field.substring(equals + 1).trim());
        }
        String type = fields.getOrDefault("type", "volume");
        String source = fields.getOrDefault("source", fields.get("src"));
        String target = fields.getOrDefault("target", fields.getOrDefault("destination", fields.get("dst")));
        boolean readOnly = isTrue(fields.getOrDefault("readonly", fields.getOrDefault("ro", "false")));
        if (type.equals("tmpfs") && target != null) {
            builder.addTmpfs(target);
        }
        return new Mount(type, source, target, readOnly, fields.get("bind-propagation"), location);
    }

    private static List<String> splitList(String value) {
        return List.of(value.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isTrue(String value) {
        return value.equalsIgnoreCase("true") || value.equals("1");
    }

    private static boolean isUnlimited(String value) {
        // Docker reads 0 (in any unit) and -1 as "no limit".
        return value.matches("-1|0+(\\.0*)?[bkmgBKMG]?");
    }
}
