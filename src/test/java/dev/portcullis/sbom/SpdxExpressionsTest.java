package dev.portcullis.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdxExpressionsTest {

    private final SpdxExpressions expressions = new SpdxExpressions(SpdxLicenseList.load());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "INVALID", value = {
        "MIT                                   | MIT",
        "mit                                   | MIT",
        "apache-2.0                            | Apache-2.0",
        "(MIT OR Apache-2.0)                   | (MIT OR Apache-2.0)",
        "MIT AND (BSD-3-Clause OR ISC)         | MIT AND (BSD-3-Clause OR ISC)",
        "GPL-2.0-or-later WITH Classpath-exception-2.0 | GPL-2.0-or-later WITH Classpath-exception-2.0",
        "LGPL-2.1+                             | LGPL-2.1+",
        "MPL-2.0+                              | MPL-2.0+",
        "LicenseRef-acme-eula                  | LicenseRef-acme-eula",
        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2 | DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
        "GPL-2+                                | INVALID",
        "Custom                                | INVALID",
        "MIT or Apache-2.0                     | INVALID",
        "MIT AND                               | INVALID",
        "(MIT                                  | INVALID",
        "MIT)                                  | INVALID",
        "GPL-2.0-only WITH                     | INVALID",
        "LicenseRef-with_underscore            | INVALID",
        "'  '                                  | INVALID",
    })
    void shouldNormalizeOrRejectExpression(String expression, String expected) {
        assertThat(expressions.normalize(expression)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void shouldJoinDeclaredLicensesWithAnd() {
        assertThat(expressions.conjunction(List.of("MIT", "(BSD-2-Clause OR ISC)", "Apache-2.0 OR MIT")))
                .contains("MIT AND (BSD-2-Clause OR ISC) AND (Apache-2.0 OR MIT)");
    }

    @Test
    void shouldRejectConjunctionWithInvalidEntry() {
        assertThat(expressions.conjunction(List.of("MIT", "GPL-2+"))).isEmpty();
    }

    @Test
    void shouldRejectEmptyConjunction() {
        assertThat(expressions.conjunction(List.of())).isEmpty();
    }

    @Test
    void shouldReadLicenseListVersion() {
        assertThat(SpdxLicenseList.load().version()).matches("3\\.\\d+");
    }
}
