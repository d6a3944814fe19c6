package dev.portcullis.audit.container;

import dev.portcullis.audit.SourceLocation;

/**
 * A published or exposed container port.
 *
 * @param hostIp the host address the port is bound to, or null for all interfaces
 * @param hostPort the host port or range, or null when the engine picks one or the port is only exposed
 * @param containerPort the container port or range, for example {@code 8080} or {@code 9000-9002}
 * @param published false for a port that is only exposed to linked containers ({@code expose})
 */
public record PortMapping(
        String hostIp, String hostPort, String containerPort, String protocol, boolean published,
        SourceLocation location) {

    /** Returns true when a published port listens on every host interface (no address, 0.0.0.0 or ::). */
    public boolean onAllInterfaces() {
        return published && (hostIp == null || hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("::"));
    }

    /** Returns true when {@code port} lies in the container port or range. */
    public boolean coversContainerPort(int port) {
        return covers(containerPort, port);
    }

    /** Returns true when {@code port} lies in {@code range}, a port like {@code 80} or a range like {@code 80-90}. */
    public static boolean covers(String range, int port) {
        if (range == null || range.isEmpty()) {
            return false;
        }
        try {
            int dash = range.indexOf('-');
            if (dash < 0) {
                return Integer.parseInt(range) == port;
            }
            return Integer.parseInt(range.substring(0, dash)) <= port
                    && port <= Integer.parseInt(range.substring(dash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
