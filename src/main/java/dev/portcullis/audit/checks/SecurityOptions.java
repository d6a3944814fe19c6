package dev.portcullis.audit.checks;

import dev.portcullis.audit.container.ContainerSpec;
import dev.portcullis.audit.container.Located;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code security_opt} / {@code --security-opt} entries, which Docker accepts as {@code key=value}
 * or, in the older form, {@code key:value}.
 */
final class SecurityOptions {

    private SecurityOptions() {}

    static boolean noNewPrivileges(ContainerSpec container) {
        for (Located option : container.securityOpt()) {
            String text = option.value().trim().toLowerCase(Locale.ROOT);
            if (text.equals("no-new-privileges") || text.equals("no-new-privileges:true")
                    || text.equals("no-new-privileges=true")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the entry that switches {@code profile} off: seccomp or apparmor set to {@code unconfined}, or
     * SELinux {@code label} set to {@code disable}.
     */
    static Optional<Located> unconfined(ContainerSpec container, String profile) {
        String off = profile.equals("label") ? "disable" : "unconfined";
        return container.securityOpt().stream().filter(o -> {
            String text = o.value().trim().toLowerCase(Locale.ROOT);
            return text.equals(profile + "=" + off) || text.equals(profile + ":" + off);
        }).findFirst();
    }
}
