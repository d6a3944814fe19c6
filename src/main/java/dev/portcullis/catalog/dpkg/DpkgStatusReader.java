package dev.portcullis.catalog.dpkg;

import dev.portcullis.image.Skipped;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the installed packages of one dpkg status file: {@code /var/lib/dpkg/status} or one file of the
 * distroless {@code /var/lib/dpkg/status.d/}. Stanzas of packages that are not installed are left out
 * quietly; malformed stanzas are skipped with a reason.
 *
 * <p>vcpkg (a C++ package manager on Windows) writes its own status file in the same syntax. Its
 * stanzas carry {@code Type: Port}, {@code Abi} and {@code Feature} fields that dpkg never writes, and
 * such a file is rejected as a whole rather than read as Debian packages.
 *
 * @see <a href="https://www.debian.org/doc/debian-policy/ch-controlfields.html">Debian control files</a>
 */
final class DpkgStatusReader {

    private static final Logger LOG = LoggerFactory.getLogger(DpkgStatusReader.class);

    /** The installed packages of one file, and what was skipped. */
    record Result(List<DpkgEntry> installed, List<Skipped> skipped) {}

    private DpkgStatusReader() {}

    static Result read(String path, String text) {
        List<ControlStanza> stanzas = ControlStanza.parse(text);
        if (stanzas.stream().anyMatch(DpkgStatusReader::isVcpkgStanza)) {
            return new Result(List.of(), List.of(new Skipped(path, "not a dpkg status file: its stanzas carry the "
                    + "vcpkg fields Type: Port, Abi or Feature, so no Debian packages were read from it")));
        }
        List<DpkgEntry> installed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (ControlStanza stanza : stanzas) {
            DpkgEntry entry;
            try {
                entry = DpkgEntry.from(stanza);
            } catch (IllegalArgumentException e) {
                skipped.add(new Skipped(location(path, stanza), "malformed dpkg stanza: " + e.getMessage()));
                continue;
            }
            if (entry.installed()) {
                installed.add(entry);
            } else {
                LOG.debug("Leaving out {} {} from {}: its status is {}", entry.name(), entry.version(), path,
                        entry.status());
            }
        }
        return new Result(installed, skipped);
    }

    /** Returns the keys of the installed packages, for layer attribution. */
    static List<String> keys(String path, String text) {
        return read(path, text).installed().stream().map(DpkgEntry::key).toList();
    }

    private static boolean isVcpkgStanza(ControlStanza stanza) {
        return "Port".equals(stanza.field("Type")) || stanza.field("Abi") != null || stanza.field("Feature") != null;
    }

    private static String location(String path, ControlStanza stanza) {
        String name = stanza.field("Package");
        String named = name == null || name.isEmpty() ? "" : " (Package: " + name + ")";
        return path + " stanza " + stanza.number() + named + " at line " + stanza.line();
    }
}
