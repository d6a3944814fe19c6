package dev.portcullis.triage.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the VEX samples in {@code ../shared/vulndata/vex-samples} (from Trivy's and Dependency-Track's
 * tests) and {@code ../shared/fixtures/peer/grype/vex} (from Grype's tests).
 */
class VexDocumentsTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ../shared/vulndata/vex-samples/trivy-openvex.json        | 1 | CVE-2021-44228 | NOT_AFFECTED | vulnerable_code_not_in_execute_path | pkg:maven/org.springframework.boot/spring-boot@2.6.0 | -
            ../shared/vulndata/vex-samples/trivy-openvex-nested.json | 1 | CVE-2024-0001  | NOT_AFFECTED | vulnerable_code_not_in_execute_path | pkg:golang/github.com/aquasecurity/go-direct1@v2.0.0 | pkg:golang/github.com/aquasecurity/go-transitive@v4.0.0
            ../shared/vulndata/vex-samples/trivy-cyclonedx.json      | 2 | CVE-2021-44228 | NOT_AFFECTED | vulnerable_code_not_in_execute_path | pkg:maven/org.springframework.boot/spring-boot@2.6.0 | -
            ../shared/vulndata/vex-samples/trivy-csaf.json           | 1 | CVE-2024-0001  | NOT_AFFECTED | vulnerable_code_not_in_execute_path | pkg:golang/github.com/aquasecurity/go-transitive@v4.0.0 | -
            ../shared/vulndata/vex-samples/dt-vex-issue2549.json     | 3 | CVE-2020-25649 | NOT_AFFECTED | -                                   | - | -
            ../shared/fixtures/peer/grype/vex/openvex-demo1.json     | 1 | CVE-2023-1255  | FIXED        | -                                   | pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126 | pkg:apk/alpine/libssl3@3.0.8-r3
            ../shared/fixtures/peer/grype/vex/openvex-demo2.json     | 5 | CVE-2023-1255  | FIXED        | -                                   | pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126 | pkg:apk/alpine/libssl3@3.0.8-r3
            ../shared/fixtures/peer/grype/vex/openvex-debian.json    | 1 | CVE-2014-fake-1 | FIXED       | -                                   | pkg:oci/debian@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126?repository_url=index.docker.io/library | -
            ../shared/fixtures/peer/grype/vex/openvex-image-no-subcomponents.json | 1 | CVE-2023-1255 | FIXED | -                     | pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126 | -
            ../shared/fixtures/peer/grype/vex/openvex-package-product.json | 1 | CVE-2023-1255 | FIXED  | -                                   | pkg:apk/alpine/libcrypto3@3.0.8-r3 | -
            ../shared/fixtures/peer/grype/vex/csaf-demo1.json        | 1 | CVE-2023-1255  | FIXED        | -                                   | pkg:apk/alpine/libcrypto3@3.0.8-r3?arch=x86_64&upstream=openssl&distro=alpine-3.17.3 | -
            ../shared/fixtures/peer/grype/vex/csaf-demo2.json        | 1 | CVE-2023-3817  | NOT_AFFECTED | vulnerable_code_not_present         | pkg:apk/alpine/libcrypto3@3.0.8-r3?arch=x86_64&upstream=openssl&distro=alpine-3.17.3 | -
            """)
    void shouldReadSample(String file, int count, String vulnerability, VexStatus status, String justification,
            String product, String subcomponent) throws Exception {
        List<VexStatement> statements = VexDocuments.read(Path.of(file));

        assertThat(statements).hasSize(count);
        VexStatement first = statements.getFirst();
        assertThat(first.vulnerabilities().getFirst()).isEqualTo(vulnerability);
        assertThat(first.status()).isEqualTo(status);
        assertThat(first.justification() == null ? "-" : first.justification().label()).isEqualTo(justification);
        if (product.equals("-")) {
            assertThat(first.products()).isEmpty();
        } else {
            assertThat(first.products().getFirst().purl()).isEqualTo(product);
            assertThat(first.products().getFirst().subcomponents().isEmpty() ? "-"
                    : first.products().getFirst().subcomponents().getFirst()).isEqualTo(subcomponent);
        }
    }

    @Test
    void shouldRejectUnknownDocumentNamingFile() throws Exception {
        Path file = Files.writeString(temp.resolve("other.json"), "{\"spdxVersion\":\"SPDX-2.3\"}");

        assertThatThrownBy(() -> VexDocuments.read(file)).isInstanceOf(VexException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("OpenVEX");
    }

    @Test
    void shouldReadDecisionsWithExpiry() throws Exception {
        Path file = Files.writeString(temp.resolve("decisions.yaml"), """
                decisions:
                  - vulnerability: CVE-2021-23337
                    package: pkg:npm/lodash
                    status: not_affected
                    justification: vulnerable_code_not_in_execute_path
                    author: Jane Doe <jane@example.com>
                    reason: the app never calls _.template
                    expires: 2027-06-30
                """);

        VexStatement decision = DecisionsReader.read(file).getFirst();

        assertThat(decision.author()).isEqualTo("Jane Doe <jane@example.com>");
        assertThat(decision.impactStatement()).isEqualTo("the app never calls _.template");
        assertThat(decision.expires()).isEqualTo(java.time.LocalDate.of(2027, 6, 30));
        assertThat(decision.products().getFirst().purl()).isEqualTo("pkg:npm/lodash");
    }

    @Test
    void shouldRejectDecisionWithoutAuthor() throws Exception {
        Path file = Files.writeString(temp.resolve("decisions.yaml"), """
                decisions:
                  - vulnerability: CVE-2021-23337
                    package: pkg:npm/lodash
                    status: not_affected
                    reason: unused
                """);

        assertThatThrownBy(() -> DecisionsReader.read(file)).isInstanceOf(VexException.class)
                .hasMessageContaining("decision 1 lacks 'author'");
    }
}
