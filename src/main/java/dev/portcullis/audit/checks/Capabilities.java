package dev.portcullis.audit.checks;

import java.util.Locale;
import java.util.Set;

/** Linux capability names as Docker grants them. */
final class Capabilities {

    /** The capabilities Docker grants a container by default (moby's default capability list). */
    static final Set<String> DOCKER_DEFAULT = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID",
            "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    /** Capabilities that allow a container to escape or control the host, named in findings as such. */
    static final Set<String> DANGEROUS = Set.of("ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE",
            "DAC_READ_SEARCH", "SYS_RAWIO", "SYS_BOOT", "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE", "BPF", "PERFMON",
            "AUDIT_CONTROL", "SYSLOG", "SYS_RESOURCE", "LINUX_IMMUTABLE");

    private Capabilities() {}

    /** Returns the name in upper case without the {@code CAP_} prefix, as Docker accepts both. */
    static String normalize(String capability) {
        String upper = capability.trim().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }
}
