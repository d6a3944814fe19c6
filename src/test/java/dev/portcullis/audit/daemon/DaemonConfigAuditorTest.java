package dev.portcullis.audit.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonConfigAuditorTest {

    private static final Path DIR = Path.of("src/test/resources/dev/portcullis/audit/daemon");

    @Test
    void shouldPassHardenedConfig() throws Exception {
        assertThat(new DaemonConfigAuditor().audit(DIR.resolve("hardened.json")).findings()).isEmpty();
    }

    @Test
    void shouldFlagEachUnsetItemAndInsecureRegistry() throws Exception {
        List<Finding> findings = new DaemonConfigAuditor().audit(DIR.resolve("defaults.json")).findings();

        assertThat(findings).extracting(f -> f.rule().id() + " " + f.location().line() + " " + f.message())
                .containsExactly(
                        "PC-A040 1 icc is not set, so containers on the default bridge reach each other",
                        "PC-A041 1 userns-remap is not set, so root in a container is root on the host",
                        "PC-A042 1 live-restore is not set, so containers stop when the daemon restarts",
                        "PC-A043 1 no-new-privileges is not set for new containers",
                        "PC-A044 2 log-driver is json-file, so logs stay on the host only",
                        "PC-A045 5 registry registry.internal:5000 is reached without TLS verification",
                        "PC-A045 6 registry 10.0.0.0/8 is reached without TLS verification");
    }

    @Test
    void shouldFlagTcpListenerWithoutTls() throws Exception {
        List<Finding> findings = new DaemonConfigAuditor().audit(DIR.resolve("tcp-plain.json")).findings();

        assertThat(findings).extracting(f -> f.rule().id() + " " + f.location().line() + " " + f.message())
                .containsExactly("PC-A046 7 the daemon listens on tcp://0.0.0.0:2375 and tlsverify is not set,"
                        + " so anyone who reaches the port controls the host");
    }

    @Test
    void shouldPassTcpListenerWithTlsVerify() throws Exception {
        assertThat(new DaemonConfigAuditor().audit(DIR.resolve("tcp-tls.json")).findings()).isEmpty();
    }

    @Test
    void shouldRejectInvalidJson() {
        Path file = DIR.resolve("broken.json");

        assertThatThrownBy(() -> new DaemonConfigAuditor().audit(file))
                .isInstanceOf(AuditInputException.class)
                .hasMessageStartingWith(file + ":2: invalid JSON: ");
    }
}
