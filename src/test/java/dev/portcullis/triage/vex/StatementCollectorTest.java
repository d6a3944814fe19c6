package dev.portcullis.triage.vex;

import static dev.portcullis.triage.TestFindings.finding;
import static dev.portcullis.triage.TestFindings.withPurl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.SourceKind;
import dev.portcullis.match.Finding;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.RiskModel;
import dev.portcullis.triage.Triage;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.Verdict;
import dev.portcullis.triage.VerdictKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies the VEX samples of {@code ../shared/fixtures/peer/grype/vex} and
 * {@code ../shared/vulndata/vex-samples} to an image and packages made to match their products: the
 * Alpine image {@code sha256:124c7d27...} with libssl3 and libcrypto3 3.0.8-r3, spring-boot 2.6.0 and
 * go-transitive v4.0.0.
 */
class StatementCollectorTest {

    private static final String DIGEST = "sha256:124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126";
    private static final ImageMetadata ALPINE = new ImageMetadata("alpine:3.17", SourceKind.REGISTRY, DIGEST, null,
            List.of("3.17"), ImageConfig.empty(), List.of());
    private static final Path GRYPE = Path.of("../shared/fixtures/peer/grype/vex");
    private static final Path SAMPLES = Path.of("../shared/vulndata/vex-samples");

    @TempDir
    Path temp;

    @Test
    void shouldApplySamplesToMatchingPackages() throws Exception {
        List<VexStatement> statements = new ArrayList<>();
        for (String file : List.of("openvex-demo2.json", "csaf-demo2.json", "openvex-debian.json")) {
            statements.addAll(VexDocuments.read(GRYPE.resolve(file)));
        }
        for (String file : List.of("trivy-openvex.json", "trivy-cyclonedx.json", "trivy-csaf.json")) {
            statements.addAll(VexDocuments.read(SAMPLES.resolve(file)));
        }
        var libssl = withPurl(PackageType.APK, "libssl3", "3.0.8-r3",
                "pkg:apk/alpine/libssl3@3.0.8-r3?arch=x86_64&distro=alpine-3.17.3");
        var libcrypto = withPurl(PackageType.APK, "libcrypto3", "3.0.8-r3",
                "pkg:apk/alpine/libcrypto3@3.0.8-r3?arch=x86_64&distro=alpine-3.17.3");
        var springBoot = withPurl(PackageType.MAVEN, "spring-boot", "2.6.0",
                "pkg:maven/org.springframework.boot/spring-boot@2.6.0");
        var goTransitive = withPurl(PackageType.GOLANG, "github.com/aquasecurity/go-transitive", "v4.0.0",
                "pkg:golang/github.com/aquasecurity/go-transitive@v4.0.0");
        List<Finding> findings = List.of(finding(libssl, "CVE-2023-1255"), finding(libcrypto, "CVE-2023-3817"),
                finding(libssl, "CVE-2023-9999"), finding(springBoot, "CVE-2021-44228"),
                finding(goTransitive, "CVE-2024-0001"));

        TriageResult result = triage(statements, findings);

        Map<String, String> verdicts = new TreeMap<>();
        result.findings().forEach(t -> verdicts.put(t.finding().pkg().name() + " " + t.finding().id(),
                t.verdict().kind() + (t.verdict() instanceof Verdict.NotAffected n ? " " + n.justification().label() : "")));
        assertThat(verdicts).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "libssl3 CVE-2023-1255", "ALREADY_PATCHED",
                "libcrypto3 CVE-2023-3817", "NOT_AFFECTED vulnerable_code_not_present",
                "libssl3 CVE-2023-9999", "AFFECTED",
                "spring-boot CVE-2021-44228", "NOT_AFFECTED vulnerable_code_not_in_execute_path",
                "github.com/aquasecurity/go-transitive CVE-2024-0001", "NOT_AFFECTED vulnerable_code_not_in_execute_path")));
        assertThat(result.unmatchedStatements()).extracting(s -> s.vulnerabilities().getFirst())
                .containsExactlyInAnyOrder("CVE-2023-2650", "CVE-2023-2975", "CVE-2023-3446", "CVE-2014-fake-1",
                        "CVE-2022-27943");
    }

    @Test
    void shouldNotApplyOpenVexStatementForOtherVersion() throws Exception {
        var libssl = withPurl(PackageType.APK, "libssl3", "3.0.9-r0", "pkg:apk/alpine/libssl3@3.0.9-r0");
        List<VexStatement> statements = VexDocuments.read(GRYPE.resolve("openvex-package-product.json"));

        TriageResult result = triage(statements, List.of(finding(libssl, "CVE-2023-1255")));

        assertThat(result.findings().getFirst().verdict().kind()).isEqualTo(VerdictKind.AFFECTED);
        assertThat(result.unmatchedStatements()).hasSize(1);
    }

    @Test
    void shouldReportExpiredDecisionAndNotApplyIt() throws Exception {
        Path file = Files.writeString(temp.resolve("decisions.yaml"), """
                decisions:
                  - vulnerability: CVE-2021-23337
                    package: pkg:npm/lodash
                    status: not_affected
                    justification: vulnerable_code_not_in_execute_path
                    author: Jane Doe
                    reason: the app never calls _.template
                    expires: 2026-06-30
                  - vulnerability: CVE-2020-8203
                    package: pkg:npm/lodash@4.17.15
                    status: not_affected
                    justification: vulnerable_code_cannot_be_controlled_by_adversary
                    author: Jane Doe
                    reason: merge input comes from configuration only
                """);
        var lodash = withPurl(PackageType.NPM, "lodash", "4.17.15", "pkg:npm/lodash@4.17.15");

        TriageResult result = triage(DecisionsReader.read(file),
                List.of(finding(lodash, "CVE-2021-23337"), finding(lodash, "CVE-2020-8203")));

        assertThat(result.findings().get(0).verdict().kind()).isEqualTo(VerdictKind.AFFECTED);
        assertThat(result.findings().get(0).evidence()).anySatisfy(e ->
                assertThat(e.fact()).isEqualTo("not applied: the decision by Jane Doe expired on 2026-06-30"));
        assertThat(result.findings().get(1).verdict()).isInstanceOfSatisfying(Verdict.NotAffected.class, n ->
                assertThat(n.justification()).isEqualTo(Justification.VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY));
        assertThat(result.expiredDecisions()).extracting(s -> s.vulnerabilities().getFirst())
                .containsExactly("CVE-2021-23337");
        assertThat(result.unmatchedStatements()).isEmpty();
    }

    private static TriageResult triage(List<VexStatement> statements, List<Finding> findings) {
        StatementCollector collector = new StatementCollector(statements, LocalDate.of(2026, 12, 1));
        return new Triage(List.of(collector), collector, RiskModel.defaults())
                .triage(findings, new TriageContext(ALPINE, null, null, null, null));
    }
}
