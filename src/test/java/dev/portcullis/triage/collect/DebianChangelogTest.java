package dev.portcullis.triage.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DebianChangelogTest {

    private static final String TEXT = """
            glibc (2.36-9+deb12u4) bookworm-security; urgency=medium

              * debian/patches/any/local-CVE-2023-4911.patch: Fix a buffer overflow in
                ld.so (CVE-2023-4911).

             -- Aurelien Jarno <aurel32@debian.org>  Sat, 30 Sep 2023 10:00:00 +0200

            glibc (2.36-9+deb12u3) bookworm; urgency=medium

              * Fix CVE-2023-4527 and CVE-2023-4806.

             -- Aurelien Jarno <aurel32@debian.org>  Sun, 10 Sep 2023 10:00:00 +0200
            """;

    @Test
    void shouldTieMentionsToTheirEntryVersion() throws Exception {
        DebianChangelog changelog = DebianChangelog.read(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)));

        assertThat(changelog.mentions("CVE-2023-4911")).extracting(DebianChangelog.Mention::entryVersion,
                DebianChangelog.Mention::lineNumber).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2.36-9+deb12u4", 3),
                        org.assertj.core.groups.Tuple.tuple("2.36-9+deb12u4", 4));
        assertThat(changelog.mentions("CVE-2023-4806")).singleElement().satisfies(mention -> {
            assertThat(mention.entryVersion()).isEqualTo("2.36-9+deb12u3");
            assertThat(mention.line()).isEqualTo("* Fix CVE-2023-4527 and CVE-2023-4806.");
        });
        assertThat(changelog.mentions("CVE-2099-0001")).isEmpty();
    }

    @Test
    void shouldIgnoreMentionsBeforeFirstEntry() throws Exception {
        String text = "CVE-2020-0001 in a stray header\n" + TEXT;

        DebianChangelog changelog = DebianChangelog.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(changelog.mentions("CVE-2020-0001")).isEmpty();
    }
}
