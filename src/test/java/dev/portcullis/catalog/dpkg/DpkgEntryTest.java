package dev.portcullis.catalog.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpkgEntryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "install ok installed | true",
            "hold ok installed | true",
            // Marked for removal but not removed yet: the files are still on disk.
            "deinstall ok installed | true",
            "install ok triggers-pending | true",
            "install ok triggers-awaited | true",
            "deinstall ok config-files | false",
            "purge ok not-installed | false",
            "install reinstreq half-installed | false",
            "install ok unpacked | false",
            "install ok half-configured | false"})
    void shouldDecideInstalledFromStatusState(String status, boolean installed) {
        DpkgEntry entry = DpkgEntry.from(stanza("Package: tar\nStatus: " + status + "\nVersion: 1.34+dfsg-1\n"));

        assertThat(entry.installed()).isEqualTo(installed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1:2.38.1-5+deb12u3 | util-linux (2.38.1-5+deb12u3) | util-linux | 2.38.1-5+deb12u3",
            "1:2.5.1-4 | attr | attr | 1:2.5.1-4",
            "2020a-0+deb10u1 | '' | tar | 2020a-0+deb10u1",
            "3.4-1+b6 | libselinux (3.4-1) | libselinux | 3.4-1"})
    void shouldReadSourceAndItsVersion(String version, String source, String sourceName, String sourceVersion) {
        String sourceLine = source.isEmpty() ? "" : "Source: " + source + "\n";
        DpkgEntry entry = DpkgEntry.from(stanza("Package: tar\n" + sourceLine + "Version: " + version + "\n"));

        assertThat(entry.sourceName()).isEqualTo(sourceName);
        assertThat(entry.sourceVersion()).isEqualTo(sourceVersion);
        assertThat(entry.installed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Package: tar | Version",
            "Package: tar\\nVersion: 1:5.# | invalid",
            "Package: tar\\nVersion: x:1.0-1 | epoch",
            "Package: tar\\nVersion: 1.0- | revision",
            "Package: Tar\\nVersion: 1.0 | package name",
            "Package: tar\\nVersion: 1.0\\nStatus: install ok | Status",
            "Package: tar\\nVersion: 1.0\\nSource: tar (1.0) extra | Source",
            "' continued\\nPackage: tar\\nVersion: 1.0' | continues"})
    void shouldRejectMalformedStanza(String text, String reasonPart) {
        ControlStanza stanza = stanza(text.replace("\\n", "\n"));

        assertThatIllegalArgumentException().isThrownBy(() -> DpkgEntry.from(stanza))
                .withMessageContaining(reasonPart);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Description: one\\n two\\n .\\n three | one\\ntwo\\n.\\nthree",
            "Conffiles:\\n /etc/a 0123\\n /etc/b 4567 obsolete | '\\n/etc/a 0123\\n/etc/b 4567 obsolete'"})
    void shouldJoinContinuationLines(String text, String value) {
        ControlStanza stanza = stanza("Package: tar\nVersion: 1.0\n" + text.replace("\\n", "\n"));
        String field = text.substring(0, text.indexOf(':'));

        assertThat(stanza.fields().get(field)).isEqualTo(value.replace("\\n", "\n"));
        assertThat(stanza.error()).isNull();
    }

    private static ControlStanza stanza(String text) {
        return ControlStanza.parse(text).getFirst();
    }
}
