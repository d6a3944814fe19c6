package dev.portcullis.audit.checks;

import dev.portcullis.audit.AuditRule;
import dev.portcullis.audit.Finding;
import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.EnvVar;
import dev.portcullis.audit.container.PortMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Port rules: ports published on all interfaces, debugger ports, and ports published by a service on an
 * internal network. Debugger ports are the Node.js inspector (9229) and the Java debug agent, JDWP, on its
 * usual 5005, found as a port or switched on in the environment.
 */
record PortCheck(AuditRule rule) implements ContainerCheck {

    static final List<Integer> DEBUGGER_PORTS = List.of(9229, 5005);

    /** {@code --inspect}, {@code --inspect-brk} or a JDWP agent in NODE_OPTIONS, JAVA_TOOL_OPTIONS and the like. */
    private static final Pattern DEBUGGER_OPTION = Pattern.compile("--inspect(-brk)?(=\\S+)?(\\s|$)|-agentlib:jdwp=");

    @Override
    public List<Finding> check(ContainerSpec container) {
        return switch (rule) {
            case PORT_ON_ALL_INTERFACES -> allInterfaces(container);
            case DEBUGGER_PORT -> debugger(container);
            case INTERNAL_NETWORK_PUBLISHES_PORTS -> internalNetwork(container);
            default -> throw new IllegalStateException("not a port rule: " + rule);
        };
    }

    private List<Finding> allInterfaces(ContainerSpec container) {
        List<Finding> findings = new ArrayList<>();
        for (PortMapping port : container.ports()) {
            if (port.onAllInterfaces()) {
                findings.add(Finding.of(rule, container.name(), port.location(),
                        "port " + describe(port) + " is published on all host interfaces"));
            }
        }
        return findings;
    }

    private List<Finding> debugger(ContainerSpec container) {
        List<Finding> findings = new ArrayList<>();
        for (PortMapping port : container.ports()) {
            for (int debuggerPort : DEBUGGER_PORTS) {
                if (port.coversContainerPort(debuggerPort) || PortMapping.covers(port.hostPort(), debuggerPort)) {
                    String exposure = port.published() ? "published as " + describe(port) : "exposed";
                    findings.add(Finding.of(rule, container.name(), port.location(),
                            "debugger port " + debuggerPort + " is " + exposure));
                    break;
                }
            }
        }
        for (EnvVar variable : container.environment()) {
            if (variable.value() != null && DEBUGGER_OPTION.matcher(variable.value()).find()) {
                findings.add(Finding.of(rule, container.name(), variable.location(),
                        "environment variable " + variable.name() + " switches a debugger on"));
            }
        }
        return findings;
    }

    private List<Finding> internalNetwork(ContainerSpec container) {
        if (container.internalNetworks().isEmpty()) {
            return List.of();
        }
        return container.ports().stream().filter(PortMapping::published)
                .map(port -> Finding.of(rule, container.name(), port.location(),
                        "port " + describe(port) + " is published although the service is on internal network "
                                + String.join(", ", container.internalNetworks())))
                .toList();
    }

    private static String describe(PortMapping port) {
        String host = port.hostPort() == null ? "" : port.hostPort() + ":";
        String address = port.hostIp() == null || port.hostIp().isEmpty() ? "" : port.hostIp() + ":";
        String protocol = port.protocol() == null || port.protocol().equals("tcp") ? "" : "/" + port.protocol();
        return address + host + port.containerPort() + protocol;
    }
}
