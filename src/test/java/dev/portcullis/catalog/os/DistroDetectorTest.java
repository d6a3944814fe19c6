package dev.portcullis.catalog.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.FolderFileResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DistroDetectorTest {

    @TempDir
    Path root;

    static Stream<Arguments> releases() {
        return Stream.of(
                Arguments.of("debian os-release", Map.of("/etc/os-release", """
                        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                        NAME="Debian GNU/Linux"
                        VERSION_ID="12"
                        VERSION="12 (bookworm)"
                        VERSION_CODENAME=bookworm
                        ID=debian
                        """), new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)")),
                Arguments.of("ubuntu os-release", Map.of("/usr/lib/os-release", """
                        PRETTY_NAME="Ubuntu 22.04.4 LTS"
                        NAME="Ubuntu"
                        VERSION_ID="22.04"
                        VERSION="22.04.4 LTS (Jammy Jellyfish)"
                        VERSION_CODENAME=jammy
                        ID=ubuntu
                        ID_LIKE=debian
                        """), new Distro("ubuntu", "22.04", "jammy", "Ubuntu 22.04.4 LTS")),
                Arguments.of("alpine os-release", Map.of("/etc/os-release", """
                        NAME="Alpine Linux"
                        ID=alpine
                        VERSION_ID=3.17.0
                        PRETTY_NAME="Alpine Linux v3.17"
                        """), new Distro("alpine", "3.17.0", null, "Alpine Linux v3.17")),
                Arguments.of("rhel os-release", Map.of("/etc/os-release", """
                        NAME="Red Hat Enterprise Linux"
                        VERSION="8.10 (Ootpa)"
                        ID="rhel"
                        ID_LIKE="fedora"
                        VERSION_ID="8.10"
                        PRETTY_NAME="Red Hat Enterprise Linux 8.10 (Ootpa)"
                        """), new Distro("rhel", "8.10", null, "Red Hat Enterprise Linux 8.10 (Ootpa)")),
                Arguments.of("fedora os-release", Map.of("/etc/os-release", """
                        NAME="Fedora Linux"
                        VERSION="40 (Container Image)"
                        ID=fedora
                        VERSION_ID=40
                        VERSION_CODENAME=""
                        PRETTY_NAME="Fedora Linux 40 (Container Image)"
                        """), new Distro("fedora", "40", null, "Fedora Linux 40 (Container Image)")),
                Arguments.of("single quotes, escapes and comments", Map.of("/etc/os-release", """
                        # a comment line
                        ID='debian'
                        VERSION_ID='11'
                        PRETTY_NAME="Say \\"hi\\" for \\$5 \\\\ now"
                        """), new Distro("debian", "11", null, "Say \"hi\" for $5 \\ now")),
                Arguments.of("etc wins over usr lib", Map.of(
                        "/etc/os-release", "ID=ubuntu\nVERSION_ID=\"24.04\"\n",
                        "/usr/lib/os-release", "ID=debian\nVERSION_ID=\"12\"\n"),
                        new Distro("ubuntu", "24.04", null, null)),
                Arguments.of("only debian_version", Map.of("/etc/debian_version", "12.4\n"),
                        new Distro("debian", "12", null, null)),
                Arguments.of("debian_version of testing", Map.of("/etc/debian_version", "trixie/sid\n"),
                        new Distro("debian", null, null, null)),
                Arguments.of("only alpine-release", Map.of("/etc/alpine-release", "3.20.3\n"),
                        new Distro("alpine", "3.20.3", null, null)),
                Arguments.of("os-release without ID falls back", Map.of(
                        "/etc/os-release", "NAME=\"Some Linux\"\n", "/etc/debian_version", "10.13\n"),
                        new Distro("debian", "10", null, null)),
                Arguments.of("os-release without ID alone", Map.of("/etc/os-release", "NAME=\"Some Linux\"\n"),
                        Distro.UNKNOWN),
                Arguments.of("nothing", Map.of("/etc/hostname", "box\n"), Distro.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void shouldDetectDistroFromReleaseFiles(String name, Map<String, String> files, Distro expected)
            throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey().substring(1));
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }

        Distro distro = new DistroDetector().detect(FolderFileResolver.rootFilesystem(root));

        assertThat(distro).isEqualTo(expected);
    }

    @Test
    void shouldRequestReleaseFilesOnly() {
        var request = new DistroDetector().request();

        assertThat(request.accepts("/etc/os-release")).isTrue();
        assertThat(request.accepts("/usr/lib/os-release")).isTrue();
        assertThat(request.accepts("/etc/debian_version")).isTrue();
        assertThat(request.accepts("/etc/alpine-release")).isTrue();
        assertThat(request.accepts("/etc/passwd")).isFalse();
    }
}
