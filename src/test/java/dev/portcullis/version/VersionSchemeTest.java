package dev.portcullis.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VersionSchemeTest {

    /** Ascending lists, written with '<' between lower and higher and '=' between equal versions. */
    static Stream<Arguments> orderedExamples() {
        return Stream.of(
                Arguments.of(VersionScheme.DEB, "1.0~rc1-1 < 1.0-1 < 1.0-1+deb12u1 < 1:0.9-1"),
                Arguments.of(VersionScheme.DEB, "1.0~~ < 1.0~ < 1.0 < 1.0a < 1.0+ < 1.0.1"),
                Arguments.of(VersionScheme.APK, "1.0_alpha1 < 1.0_rc1 < 1.0 < 1.0-r1 < 1.0_p1 < 1.0a < 1.0.1"),
                Arguments.of(VersionScheme.APK, "1.0_alpha < 1.0_beta < 1.0_pre < 1.0_rc < 1.0 < 1.0_cvs < 1.0_svn"
                        + " < 1.0_git < 1.0_hg < 1.0_p"),
                Arguments.of(VersionScheme.APK, "1.3.5-r8 < 1.3.5-r10 < 1.3.6"),
                Arguments.of(VersionScheme.RPM, "1.0~rc1 < 1.0 < 1.0^git1 < 1.0.1"),
                Arguments.of(VersionScheme.RPM, "1.0-1 < 1.0-2 < 0:1.1-1 = 1.1-1 < 1:0.1-1"),
                Arguments.of(VersionScheme.NPM, "1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta"
                        + " < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0 = 1.0.0+build.5 < 1.0.1"),
                Arguments.of(VersionScheme.MAVEN, "1.0-alpha1 < 1.0-beta1 < 1.0-milestone1 < 1.0-rc1 = 1.0-cr1"
                        + " < 1.0-SNAPSHOT < 1.0 = 1.0-ga = 1.0-final = 1.0-release < 1.0-sp1 < 1.0.1"),
                Arguments.of(VersionScheme.PYPI, "1.0.dev1 < 1.0a1 < 1.0 < 1.0+local.7 < 1.0.post1 < 1!0.5"),
                Arguments.of(VersionScheme.PYPI, "1.0a1 = 1.0alpha1 = 1.0.0a1 < 1.0b2 = 1.0-beta.2 < 1.0rc1 = 1.0c1"),
                Arguments.of(VersionScheme.GOLANG, "v0.0.0-20180116102854-5a71ef0e047d < v0.0.1 < v1.2.3"
                        + " = v1.2.3+incompatible"),
                Arguments.of(VersionScheme.GOLANG, "go1.21rc2 < go1.21.0 < go1.21.1 < go1.22"),
                Arguments.of(VersionScheme.GEM, "1.0.a < 1.0.b1 < 1.0 = 1.0.0 < 1.0.1"),
                Arguments.of(VersionScheme.GEM, "1.19.2 < 1.19.3-aarch64-linux-gnu = 1.19.3 < 1.19.4-java"),
                Arguments.of(VersionScheme.GENERIC, "1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta.2 < 1.0.0-beta.11"
                        + " < 1.0.0 = 1.0 < 1.0.1"),
                Arguments.of(VersionScheme.GENERIC, "1.0.0rc1 = 1.0.0-rc1 = 1.0.0.rc1 = v1.0.0-RC1 < 2 = 2.0.0+meta"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("orderedExamples")
    void shouldOrderExamples(VersionScheme scheme, String chain) {
        List<String> tokens = List.of(chain.split(" "));
        for (int index = 1; index < tokens.size(); index += 2) {
            String lower = tokens.get(index - 1);
            String relation = tokens.get(index);
            String higher = tokens.get(index + 1);
            int expected = relation.equals("<") ? -1 : 0;

            assertThat(Integer.signum(scheme.compare(lower, higher))).as("%s %s %s", lower, relation, higher)
                    .isEqualTo(expected);
            assertThat(Integer.signum(scheme.compare(higher, lower))).as("%s reversed", higher)
                    .isEqualTo(-expected);
        }
    }

    @Test
    void shouldCompareDebianVersionsAsGiven() {
        // A source version written without the binary's epoch is a different version: callers must
        // pass the full binary version, epoch included.
        assertThat(VersionScheme.DEB.compare("1:2.3-1", "2.3-1")).isPositive();
        assertThat(VersionScheme.DEB.compare("0:2.3-1", "2.3-1")).isZero();
    }

    @ParameterizedTest(name = "{0} rejects \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            DEB     | ''          | version is empty
            DEB     | a:1.0       | epoch is not a number
            DEB     | 1:          | upstream version is empty
            DEB     | 1.0-        | revision is empty
            DEB     | 1.0 2       | version contains spaces
            RPM     | x:1.0       | epoch is not a number
            RPM     | ''          | version is empty
            APK     | 1.0-x1      | unexpected text at position
            APK     | 1.0_foo     | unexpected text at position
            NPM     | 1.2         | expected MAJOR.MINOR.PATCH
            NPM     | =1.2.3      | expected MAJOR.MINOR.PATCH
            NPM     | 01.2.3      | expected MAJOR.MINOR.PATCH
            PYPI    | 1.0+a..b    | ''
            PYPI    | not-a-version | ''
            GOLANG  | 1.x         | ''
            GEM     | 1.0 beta    | expected dot-separated numbers and letters
            GEM     | .1          | expected dot-separated numbers and letters
            GENERIC | beta        | expected dotted numbers
            MAVEN   | ''          | version is empty
            """)
    void shouldRejectInvalidVersion(VersionScheme scheme, String version, String reason) {
        assertThat(scheme.isValid(version)).isFalse();
        assertThatThrownBy(() -> scheme.validate(version))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("\"" + version + "\"")
                .hasMessageContaining(scheme.versName())
                .hasMessageContaining(reason)
                .extracting(e -> ((InvalidVersionException) e).value())
                .isEqualTo(version);
    }

    @Test
    void shouldRejectInvalidVersionWhenComparing() {
        assertThatThrownBy(() -> VersionScheme.DEB.compare("1.0-1", "a:1.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessage("invalid deb version \"a:1.0\": epoch is not a number");
        assertThatThrownBy(() -> VersionScheme.NPM.compare("1.2", "1.2.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("\"1.2\"");
    }

    @Test
    void shouldCompareInvalidApkVersionsLikeApkTools() {
        // apk-tools orders versions it would not accept, token by token and then as text.
        assertThat(VersionScheme.APK.isValid("1.0bc")).isFalse();
        assertThat(VersionScheme.APK.compare("1.0", "1.0bc")).isNegative();
        assertThat(VersionScheme.APK.compare("10.0.0_b2-r0", "10.0.0_b3-r0")).isNegative();
    }

    @ParameterizedTest(name = "{0} accepts \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            DEB     | 1:2.30-1ubuntu1~22.04.1
            DEB     | 6.0-4.el6.x86_64
            RPM     | 2:4.19.0-1.el7_5
            RPM     | 1.2.3-3-el7_5
            APK     | 1.2.3_rc1_p2-r10
            NPM     | v1.2.3-beta.1+build.5
            MAVEN   | 2.0-SNAPSHOT
            PYPI    | 1!2.0.post1.dev3+ubuntu.1
            GOLANG  | v0.0.0-20180116102854-5a71ef0e047d
            GOLANG  | go1.24.1
            GEM     | 1.0.0.rc1
            GENERIC | 1.2.3-rc.1+meta
            """)
    void shouldAcceptValidVersion(VersionScheme scheme, String version) {
        assertThat(scheme.isValid(version)).isTrue();
    }

    @Test
    void shouldReadLooseSemverOnlyWhenAsked() {
        assertThat(new SemverComparator(true).compare("=1.2.3", "v1.2.3")).isZero();
        assertThat(new SemverComparator(true).compare("1.2.3beta", "1.2.3-beta")).isZero();
        assertThat(VersionScheme.NPM.isValid("1.2.3beta")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "deb, DEB", "debian, DEB", "alpine, APK", "apk, APK", "rpm, RPM", "npm, NPM", "maven, MAVEN",
        "pypi, PYPI", "golang, GOLANG", "go, GOLANG", "gem, GEM", "rubygems, GEM", "generic, GENERIC"
    })
    void shouldFindSchemeByName(String name, VersionScheme expected) {
        assertThat(VersionScheme.fromName(name)).contains(expected);
    }

    @Test
    void shouldNotFindUnknownScheme() {
        assertThat(VersionScheme.fromName("pacman")).isEmpty();
    }
}
