package dev.portcullis.catalog.os;

import dev.portcullis.catalog.Distro;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.FileResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects the distro release from the image's own files: {@code /etc/os-release}, then
 * {@code /usr/lib/os-release}, then {@code /etc/debian_version} and {@code /etc/alpine-release}.
 * An image without any of them, or whose os-release names no {@code ID}, is {@link Distro#UNKNOWN}.
 *
 * <p>Example: an os-release with {@code ID=debian}, {@code VERSION_ID="12"} and
 * {@code VERSION_CODENAME=bookworm} gives {@code Distro[id=debian, versionId=12, codename=bookworm, ...]}.
 */
public final class DistroDetector {

    private static final Logger LOG = LoggerFactory.getLogger(DistroDetector.class);

    static final List<String> OS_RELEASE_PATHS = List.of("/etc/os-release", "/usr/lib/os-release");
    static final String DEBIAN_VERSION = "/etc/debian_version";
    static final String ALPINE_RELEASE = "/etc/alpine-release";
    // TODO: read /etc/redhat-release for CentOS 6 and RHEL 6 images, which ship no os-release.

    private static final Pattern DEBIAN_RELEASE_NUMBER = Pattern.compile("(\\d+)(\\.\\d+)*");
    private static final Pattern ALPINE_RELEASE_NUMBER = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?\\S*");

    /** Returns the request for the release files that detection reads. */
    public FileRequest request() {
        return path -> OS_RELEASE_PATHS.contains(path) || path.equals(DEBIAN_VERSION) || path.equals(ALPINE_RELEASE);
    }

    /** Returns the distro the files name, or {@link Distro#UNKNOWN}. */
    public Distro detect(FileResolver files) {
        for (String path : OS_RELEASE_PATHS) {
            Optional<Distro> distro = read(files, path).flatMap(DistroDetector::fromOsRelease);
            if (distro.isPresent()) {
                return distro.get();
            }
        }
        Optional<Distro> debian = read(files, DEBIAN_VERSION).flatMap(DistroDetector::fromDebianVersion);
        if (debian.isPresent()) {
            return debian.get();
        }
        return read(files, ALPINE_RELEASE).flatMap(DistroDetector::fromAlpineRelease).orElse(Distro.UNKNOWN);
    }

    static Optional<Distro> fromOsRelease(String text) {
        Map<String, String> values = OsRelease.parse(text);
        String id = blankToNull(values.get("ID"));
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new Distro(id.toLowerCase(Locale.ROOT), blankToNull(values.get("VERSION_ID")),
                blankToNull(values.get("VERSION_CODENAME")), blankToNull(values.get("PRETTY_NAME"))));
    }

    // debian_version holds "12.4" on a release and "trixie/sid" on testing or unstable. os-release on
    // Debian names only the major release in VERSION_ID, so the fallback does the same.
    static Optional<Distro> fromDebianVersion(String text) {
        String content = text.strip();
        if (content.isEmpty()) {
            return Optional.empty();
        }
        Matcher number = DEBIAN_RELEASE_NUMBER.matcher(content);
        String versionId = number.matches() ? number.group(1) : null;
        return Optional.of(new Distro("debian", versionId, null, null));
    }

    static Optional<Distro> fromAlpineRelease(String text) {
        String content = text.strip();
        if (!ALPINE_RELEASE_NUMBER.matcher(content).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Distro("alpine", content, null, null));
    }

    private static Optional<String> read(FileResolver files, String path) {
        if (files.find(path).filter(FileEntry::isRegularFile).isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = files.open(path)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Failed to read {} for distro detection; trying the next release file: {}", path, e.toString());
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
