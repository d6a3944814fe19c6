package dev.portcullis.audit.daemon;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditResult;
import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.compose.YamlNode;
import dev.portcullis.audit.compose.YamlNode.YamlList;
import dev.portcullis.audit.compose.YamlNode.YamlMap;
import dev.portcullis.audit.compose.YamlNode.YamlScalar;
import dev.portcullis.audit.compose.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Audits a Docker daemon configuration ({@code /etc/docker/daemon.json}) against the daemon items of
 * the CIS Docker Benchmark: icc, userns-remap, live-restore, no-new-privileges, log-driver,
 * insecure-registries, and TCP listeners in hosts without tlsverify. The file is read as YAML, of which JSON is a subset, to keep line numbers.
 *
 * <pre>{@code
 * {"icc": false, "userns-remap": "default", "live-restore": true,
 *  "no-new-privileges": true, "log-driver": "journald"}            -> no findings
 * }</pre>
 *
 * @see <a href="https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file">dockerd
 *     configuration file</a>
 */
public final class DaemonConfigAuditor {

    private static final String SUBJECT = "daemon";
    /** Log drivers that keep logs only on the host. */
    private static final Set<String> LOCAL_LOG_DRIVERS = Set.of("json-file", "local", "none");

    public AuditResult audit(Path file) throws AuditInputException {
        YamlNode root = new YamlReader(file.toString(), null, "JSON").read(file);
        if (!(root instanceof YamlMap config)) {
            throw new AuditInputException(root.location(), "not a daemon configuration: expected a JSON object");
        }

        List<Finding> findings = new ArrayList<>();
        SourceLocation top = new SourceLocation(file.toString(), root.location().line(), root.location().column());
        if (!"false".equals(text(config, "icc"))) {
            findings.add(at(AuditRule.DAEMON_ICC_ENABLED, config, "icc", top,
                    "icc is " + orUnset(text(config, "icc")) + ", so containers on the default bridge reach each other"));
        }

        String remap = text(config, "userns-remap");
        if (remap == null || remap.isBlank()) {
            findings.add(at(AuditRule.DAEMON_NO_USERNS_REMAP, config, "userns-remap", top,
                    "userns-remap is not set, so root in a container is root on the host"));
        }

        if (!"true".equals(text(config, "live-restore"))) {
            findings.add(at(AuditRule.DAEMON_NO_LIVE_RESTORE, config, "live-restore", top,
                    "live-restore is " + orUnset(text(config, "live-restore"))
                            + ", so containers stop when the daemon restarts"));
        }

        if (!"true".equals(text(config, "no-new-privileges"))) {
            findings.add(at(AuditRule.DAEMON_NO_NEW_PRIVILEGES, config, "no-new-privileges", top,
                    "no-new-privileges is " + orUnset(text(config, "no-new-privileges")) + " for new containers"));
        }

        String logDriver = text(config, "log-driver");
        if (logDriver == null || LOCAL_LOG_DRIVERS.contains(logDriver)) {
            findings.add(at(AuditRule.DAEMON_NO_REMOTE_LOGGING, config, "log-driver", top,
                    "log-driver is " + orUnset(logDriver) + ", so logs stay on the host only"));
        }

        if (config.get("insecure-registries") instanceof YamlList registries) {
            for (YamlNode item : registries.items()) {
                if (item instanceof YamlScalar registry && registry.value() != null) {
                    findings.add(Finding.of(AuditRule.DAEMON_INSECURE_REGISTRY, SUBJECT, registry.location(),
                            "registry " + registry.value() + " is reached without TLS verification"));
                }
            }
        }

        boolean tlsVerify = "true".equals(text(config, "tlsverify"));
        if (!tlsVerify && config.get("hosts") instanceof YamlList hosts) {
            for (YamlNode item : hosts.items()) {
                if (item instanceof YamlScalar host && host.value() != null && host.value().startsWith("tcp://")) {
                    findings.add(Finding.of(AuditRule.DAEMON_TCP_WITHOUT_TLS, SUBJECT, host.location(),
                            "the daemon listens on " + host.value() + " and tlsverify is "
                                    + orUnset(text(config, "tlsverify"))
                                    + ", so anyone who reaches the port controls the host"));
                }
            }
        }

        return new AuditResult(findings, List.of());
    }

    private static Finding at(AuditRule rule, YamlMap config, String key, SourceLocation top, String message) {
        SourceLocation location = config.get(key) != null ? config.keyLocation(key) : top;
        return Finding.of(rule, SUBJECT, location, message);
    }

    private static String text(YamlMap config, String key) {
        return config.get(key) instanceof YamlScalar scalar ? scalar.value() : null;
    }

    private static String orUnset(String value) {
        return value == null ? "not set" : value;
    }
}
