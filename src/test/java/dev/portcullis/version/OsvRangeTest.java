package dev.portcullis.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.version.OsvRange.Fixed;
import dev.portcullis.version.OsvRange.Introduced;
import dev.portcullis.version.OsvRange.LastAffected;
import dev.portcullis.version.OsvRange.Limit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OsvRangeTest {

    /** A range, then versions inside it, then versions outside it. */
    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of(OsvRange.of(VersionScheme.DEB, new Introduced("0"), new Fixed("1:2.3-1+deb12u1")),
                        List.of("1:2.3-1", "2.9-1", "1:2.3-1~bpo1"), List.of("1:2.3-1+deb12u1", "1:2.4-1")),
                Arguments.of(OsvRange.of(VersionScheme.APK, new Introduced("1.2.0"), new Fixed("1.2.5-r1")),
                        List.of("1.2.0", "1.2.5", "1.2.5-r0"), List.of("1.1.9", "1.2.0_rc1", "1.2.5-r1", "1.2.5_p1")),
                Arguments.of(OsvRange.of(VersionScheme.RPM, new Introduced("0"), new Fixed("0:8.3.1-5.el8.5")),
                        List.of("8.3.1-5.el8.4", "8.3.1-5.el8"), List.of("8.3.1-5.el8.40", "1:8.0-1")),
                Arguments.of(OsvRange.of(VersionScheme.NPM, new Introduced("4.0.0"), new LastAffected("4.17.20")),
                        List.of("4.0.0", "4.17.20", "4.17.20+build"), List.of("3.10.1", "4.0.0-rc.1", "4.17.21")),
                Arguments.of(OsvRange.of(VersionScheme.MAVEN, new Introduced("2.0-beta9"), new Fixed("2.15.0")),
                        List.of("2.0-beta9", "2.0", "2.14.1", "2.15.0-rc1"), List.of("2.0-alpha1", "2.15.0", "2.15")),
                Arguments.of(OsvRange.of(VersionScheme.PYPI, new Introduced("0"), new Fixed("2.0.0")),
                        List.of("1.9", "2.0.0rc1", "2.0.dev1"), List.of("2.0", "2.0.0.post1", "2.0.0+local")),
                Arguments.of(OsvRange.of(VersionScheme.GOLANG, new Introduced("0"), new Fixed("0.0.0-20220314234659-1baeb1ce4c0b")),
                        List.of("v0.0.0-20210101000000-abcdefabcdef"), List.of("v0.1.0", "v1.0.0")),
                Arguments.of(OsvRange.of(VersionScheme.GEM, new Introduced("1.0"), new Fixed("1.13.4")),
                        List.of("1.0", "1.13.3", "1.13.4.rc1"), List.of("0.9", "1.13.4", "1.13.4-x86_64-linux")),
                // Several introduced/fixed pairs in one range, listed out of order.
                Arguments.of(OsvRange.of(VersionScheme.NPM, new Introduced("2.0.0"), new Fixed("2.3.0"),
                                new Fixed("1.5.0"), new Introduced("1.0.0")),
                        List.of("1.0.0", "1.4.9", "2.0.0", "2.2.9"), List.of("0.9.0", "1.5.0", "1.9.9", "2.3.0")),
                // A limit caps the range; the versions above the limit belong to another branch.
                Arguments.of(OsvRange.of(VersionScheme.NPM, new Introduced("0"), new Limit("2.0.0")),
                        List.of("0.0.1", "1.9.9"), List.of("2.0.0", "2.1.0")),
                Arguments.of(OsvRange.of(VersionScheme.NPM, new Introduced("1.0.0"), new Limit("*")),
                        List.of("1.0.0", "99.0.0"), List.of("0.9.9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void shouldContainVersionsOfRange(OsvRange range, List<String> inside, List<String> outside) {
        for (String version : inside) {
            assertThat(range.contains(version)).as("%s inside", version).isTrue();
        }
        for (String version : outside) {
            assertThat(range.contains(version)).as("%s outside", version).isFalse();
        }
    }

    @Test
    void shouldCombineRangesWithVersionList() {
        // One OSV "affected" entry: two ranges and an explicit versions list.
        Constraint affected = Constraint.anyOf(VersionScheme.PYPI, List.of(
                OsvRange.of(VersionScheme.PYPI, new Introduced("1.0"), new Fixed("1.2.3")),
                OsvRange.of(VersionScheme.PYPI, new Introduced("2.0"), new Fixed("2.0.4")),
                new VersionList(VersionScheme.PYPI, List.of("0.9.1", "3.0.0"))));

        assertThat(affected.contains("1.1")).isTrue();
        assertThat(affected.contains("2.0.3")).isTrue();
        assertThat(affected.contains("0.9.1")).isTrue();
        assertThat(affected.contains("3.0")).isTrue();
        assertThat(affected.contains("1.2.3")).isFalse();
        assertThat(affected.contains("1.5")).isFalse();
        assertThat(affected.contains("2.0.4")).isFalse();
        assertThat(affected.contains("3.0.1")).isFalse();
    }

    @Test
    void shouldMatchVersionListBySchemeEquality() {
        VersionList list = new VersionList(VersionScheme.MAVEN, List.of("1.0", "2.0-SNAPSHOT"));

        assertThat(list.contains("1.0.0")).isTrue();
        assertThat(list.contains("1-ga")).isTrue();
        assertThat(list.contains("2.0-snapshot")).isTrue();
        assertThat(list.contains("2.0")).isFalse();
    }

    @Test
    void shouldRejectInvalidEventVersion() {
        assertThatThrownBy(() -> OsvRange.of(VersionScheme.NPM, new Introduced("0"), new Fixed("1.2")))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("\"1.2\"");
    }

    @Test
    void shouldRejectInvalidCandidate() {
        OsvRange range = OsvRange.of(VersionScheme.DEB, new Introduced("0"), new Fixed("2.0-1"));

        assertThatThrownBy(() -> range.contains("a:1.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessage("invalid deb version \"a:1.0\": epoch is not a number");
    }

    @Test
    void shouldSortEventsByVersion() {
        OsvRange range = OsvRange.of(VersionScheme.DEB, new Fixed("1.5-1"), new Limit("*"), new Introduced("0"));

        assertThat(range.events()).containsExactly(new Introduced("0"), new Fixed("1.5-1"), new Limit("*"));
    }

    @Test
    void shouldCompareSourceVersionWithoutEpochAsGiven() {
        // The advisory names the source version 2.3-1 while the binary is 1:2.3-1: the comparator
        // compares what it is given, so a caller passing the binary's full version sees it fixed.
        OsvRange range = OsvRange.of(VersionScheme.DEB, new Introduced("0"), new Fixed("2.3-1"));

        assertThat(range.contains("1:2.2-1")).isFalse();
        assertThat(range.contains("2.2-1")).isTrue();
    }
}
