package dev.portcullis.audit.container;

import dev.portcullis.audit.SourceLocation;
import java.util.Optional;

/**
 * Parses the short port syntax shared by compose {@code ports} and {@code docker run -p}:
 * {@code [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]}, with IPv6 host addresses in brackets.
 *
 * <pre>{@code
 * "8080"                 -> all interfaces, engine-chosen host port, container port 8080
 * "127.0.0.1:8080:80"    -> host 127.0.0.1, host port 8080, container port 80
 * "[::1]:9229:9229/tcp"  -> host ::1
 * }</pre>
 *
 * @see <a href="https://docs.docker.com/reference/compose-file/services/#ports">Compose ports</a>
 */
public final class PortSpecs {

    private PortSpecs() {}

    /** Parses a published port; empty when {@code text} has no container port. */
    public static Optional<PortMapping> parsePublished(String text, SourceLocation location) {
        String spec = text.trim();
        String protocol = "tcp";
        int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            protocol = spec.substring(slash + 1);
            spec = spec.substring(0, slash);
        }

        String hostIp = null;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0 || close + 1 >= spec.length() || spec.charAt(close + 1) != ':') {
                return Optional.empty();
            }
            hostIp = spec.substring(1, close);
            spec = spec.substring(close + 2);
        }

        String[] parts = spec.split(":", -1);
        String hostPort = null;
        String containerPort;
        switch (parts.length) {
            case 1 -> containerPort = parts[0];
            case 2 -> {
                hostPort = parts[0];
                containerPort = parts[1];
            }
            case 3 -> {
                hostIp = parts[0];
                hostPort = parts[1];
                containerPort = parts[2];
            }
            default -> {
                return Optional.empty();
            }
        }

        if (containerPort.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PortMapping(hostIp, emptyToNull(hostPort), containerPort, protocol, true, location));
    }

    /** Parses an exposed-only port such as {@code 9229} or {@code 5005/tcp}. */
    public static PortMapping exposed(String text, SourceLocation location) {
        String spec = text.trim();
        int slash = spec.lastIndexOf('/');
        String protocol = slash >= 0 ? spec.substring(slash + 1) : "tcp";
        String port = slash >= 0 ? spec.substring(0, slash) : spec;
        return new PortMapping(null, null, port, protocol, false, location);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
