package dev.portcullis.audit.checks;

import java.util.List;
import java.util.Optional;

/** Host paths whose mount into a container exposes the host. */
final class HostPaths {

    /** Sensitive host folders: CIS Docker 5.5's list, plus the Docker data root and /root. */
    static final List<String> SENSITIVE = List.of("/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr",
            "/root", "/var/lib/docker", "/var/run", "/run");

    private static final List<String> RUNTIME_SOCKETS =
            List.of("docker.sock", "containerd.sock", "crio.sock", "podman.sock");

    private HostPaths() {}

    /** Returns true when {@code source} is a container runtime's API socket. */
    static boolean isRuntimeSocket(String source) {
        String normalized = normalize(source);
        return RUNTIME_SOCKETS.stream().anyMatch(s -> normalized.endsWith("/" + s));
    }

    /**
     * Returns the sensitive folder that {@code source} is, lies in, or contains; empty for relative paths
     * and named volumes.
     */
    static Optional<String> sensitiveFolder(String source) {
        if (source == null || !source.startsWith("/")) {
            return Optional.empty();
        }
        String path = normalize(source);
        for (String sensitive : SENSITIVE) {
            if (path.equals(sensitive) || (!sensitive.equals("/") && isInsideOrAbove(path, sensitive))) {
                return Optional.of(sensitive);
            }
        }
        return Optional.empty();
    }

    private static boolean isInsideOrAbove(String path, String folder) {
        return path.startsWith(folder + "/") || (!path.equals("/") && folder.startsWith(path + "/"));
    }

    static String normalize(String path) {
        String result = path.replaceAll("/+", "/");
        return result.length() > 1 && result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }
}
