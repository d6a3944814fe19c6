package dev.portcullis.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintTest {

    @ParameterizedTest(name = "{0} {1} contains {2}: {3}")
    @CsvSource(delimiter = ';', textBlock = """
            NPM ; ^1.2.3 ; 1.9.9 ; true
            NPM ; ^1.2.3 ; 2.0.0-beta.1 ; false
            NPM ; ^1.2.3 ; 1.2.2 ; false
            NPM ; ^0.2.3 ; 0.2.9 ; true
            NPM ; ^0.2.3 ; 0.3.0 ; false
            NPM ; ^0.0.3 ; 0.0.4 ; false
            NPM ; ^1.x ; 1.0.0 ; true
            NPM ; ~1.2.3 ; 1.2.9 ; true
            NPM ; ~1.2.3 ; 1.3.0 ; false
            NPM ; ~1 ; 1.9.0 ; true
            NPM ; 1.x ; 1.99.0 ; true
            NPM ; 1.2 ; 1.3.0 ; false
            NPM ; * ; 0.0.1 ; true
            NPM ; 1.2.3 - 2.3 ; 2.3.9 ; true
            NPM ; 1.2.3 - 2.3 ; 2.4.0 ; false
            NPM ; 1.2 - 2.3.4 ; 1.2.0 ; true
            NPM ; 1.2 - 2.3.4 ; 2.3.5 ; false
            NPM ; >1.2 ; 1.2.9 ; false
            NPM ; >1.2 ; 1.3.0 ; true
            NPM ; <=1.2 ; 1.2.9 ; true
            NPM ; <1.2 ; 1.2.0-rc.1 ; false
            NPM ; >= 1.0.0 <1.4.0 || >=2 ; 1.3.0 ; true
            NPM ; >= 1.0.0 <1.4.0 || >=2 ; 1.5.0 ; false
            NPM ; >= 1.0.0 <1.4.0 || >=2 ; 2.0.0 ; true
            NPM ; >= 1.0.0, < 1.4.0 ; 1.4.0 ; false
            NPM ; < 1.2.3 ; 1.2.3-beta ; true
            GEM ; ~> 2.2 ; 2.9 ; true
            GEM ; ~> 2.2 ; 3.0 ; false
            GEM ; ~> 2.2.1 ; 2.2.9 ; true
            GEM ; ~> 2.2.1 ; 2.3.0 ; false
            GEM ; ~> 2.2.1 ; 2.2.0 ; false
            PYPI ; ~= 1.4.5 ; 1.4.9 ; true
            PYPI ; ~= 1.4.5 ; 1.5.0 ; false
            PYPI ; ~= 1.4.5 ; 1.5.0a1 ; false
            PYPI ; ~= 1.4 ; 1.9 ; true
            PYPI ; == 1.4.* ; 1.4.2.post1 ; true
            PYPI ; == 1.4.* ; 1.4.0+local ; true
            PYPI ; == 1.4.* ; 1.40 ; false
            PYPI ; != 1.4.* ; 1.5 ; true
            PYPI ; != 1.4.* ; 1.4.1 ; false
            PYPI ; == 2.0.0 ; 2.0.0+cgr.1 ; true
            PYPI ; > 2.0.0 ; 2.0.0+cgr.1 ; false
            DEB ; < 1:2.3-1, >= 1:2.0-1 ; 1:2.2-4 ; true
            DEB ; < 1:2.3-1, >= 1:2.0-1 ; 2.2-4 ; false
            DEB ; != 1.0-1 ; 1.0-1 ; false
            DEB ; '' ; 1.0-1 ; true
            RPM ; >= 0:1.0-1, <= 0:1.0-5 ; 1.0-5 ; true
            MAVEN ; > 1.0, < 2.0-SNAPSHOT ; 2.0-alpha-1 ; true
            MAVEN ; > 1.0 ; 1.0.0.0 ; false
            """)
    void shouldEvaluateConstraint(VersionScheme scheme, String text, String version, boolean expected) {
        assertThat(Constraint.parse(scheme, text).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = ';', textBlock = """
            vers:deb/>=1.2.0-1|<1.4.0-2|!=1.3.0-1 ; 1.3.5-1 ; true
            vers:deb/>=1.2.0-1|<1.4.0-2|!=1.3.0-1 ; 1.3.0-1 ; false
            vers:deb/>=1.2.0-1|<1.4.0-2|!=1.3.0-1 ; 1.4.0-2 ; false
            vers:npm/<1.0.0|>=2.0.0|<2.1.0|>=3.0.0 ; 0.9.0 ; true
            vers:npm/<1.0.0|>=2.0.0|<2.1.0|>=3.0.0 ; 1.5.0 ; false
            vers:npm/<1.0.0|>=2.0.0|<2.1.0|>=3.0.0 ; 2.0.5 ; true
            vers:npm/<1.0.0|>=2.0.0|<2.1.0|>=3.0.0 ; 3.1.0 ; true
            vers:npm/1.2.3|2.0.0 ; 2.0.0 ; true
            vers:npm/1.2.3|2.0.0 ; 1.2.4 ; false
            vers:npm/* ; 9.9.9 ; true
            vers:pypi/>=1.0|<2.0 ; 1.5+local ; true
            vers:gem/>=1.0|<1.13.4 ; 1.13.4.rc1 ; true
            vers:alpine/<1.3.5-r10 ; 1.3.5-r8 ; true
            """)
    void shouldEvaluateVersRange(String text, String version, boolean expected) {
        VersionScheme scheme = VersRange.parse(text).scheme();

        assertThat(Constraint.parse(scheme, text).contains(version)).isEqualTo(expected);
    }

    @Test
    void shouldReadQuotedVersions() {
        Constraint constraint = Constraint.parse(VersionScheme.DEB, "'1.0-1' || \"1.0-2\"");

        assertThat(constraint.contains("1.0-2")).isTrue();
        assertThat(constraint.contains("1.0-3")).isFalse();
    }

    @Test
    void shouldKeepAlternativesOfConstraint() {
        ConstraintExpression expression =
                (ConstraintExpression) Constraint.parse(VersionScheme.GENERIC, "> 1.0, < 2.0 || = 3.0");

        assertThat(expression.alternatives()).containsExactly(
                List.of(new Comparison(Comparison.Operator.GREATER, "1.0"),
                        new Comparison(Comparison.Operator.LESS, "2.0")),
                List.of(new Comparison(Comparison.Operator.EQUAL, "3.0")));
        assertThat(expression).hasToString("> 1.0, < 2.0 || = 3.0");
    }

    @Test
    void shouldDesugarCaretRange() {
        ConstraintExpression expression = (ConstraintExpression) Constraint.parse(VersionScheme.NPM, "^1.2.3");

        assertThat(expression).hasToString(">= 1.2.3, < 2.0.0-0");
    }

    @ParameterizedTest(name = "{0} \"{1}\"")
    @CsvSource(delimiter = ';', textBlock = """
            DEB ; < 1.0-1 || ; an alternative between '||' is empty
            DEB ; << 1.0-1 ; is not an operator followed by a version
            DEB ; < a:1.0 ; epoch is not a number
            NPM ; ^1.2.z ; is not a version, a partial version
            DEB ; ~> 1.0 ; operator ~> is only defined for gem versions
            GEM ; ~= 1.0 ; operator ~= is only defined for pypi versions
            PYPI ; ~= 1 ; ~= needs at least two release numbers
            PYPI ; >= 1.4.* ; a .* prefix only goes with == and !=
            NPM ; vers:deb/<1.0 ; the range is for deb versions, not npm
            GENERIC ; vers:pacman/<1.0 ; versioning scheme "pacman" is not supported
            DEB ; vers:deb/<1.0|<2.0|<3.0 ; bounds must alternate
            DEB ; vers:deb/<1.0|>=1.0 ; version 1.0 appears twice
            """)
    void shouldRejectInvalidConstraint(VersionScheme scheme, String text, String reason) {
        assertThatThrownBy(() -> Constraint.parse(scheme, text))
                .isInstanceOf(InvalidConstraintException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((InvalidConstraintException) e).text())
                .isEqualTo(text);
    }

    @Test
    void shouldRejectInvalidCandidate() {
        Constraint constraint = Constraint.parse(VersionScheme.NPM, "< 2.0.0");

        assertThatThrownBy(() -> constraint.contains("2.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("\"2.0\"");
    }
}
