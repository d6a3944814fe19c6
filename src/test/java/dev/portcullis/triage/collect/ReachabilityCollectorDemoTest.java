package dev.portcullis.triage.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.npm.NpmCatalogers;
import dev.portcullis.catalog.registry.CatalogerRegistry;
import dev.portcullis.catalog.registry.Cataloging;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.match.Finding;
import dev.portcullis.match.Matcher;
import dev.portcullis.triage.DemoTriage;
import dev.portcullis.triage.Evidence;
import dev.portcullis.triage.EvidenceKind;
import dev.portcullis.triage.Justification;
import dev.portcullis.triage.RiskModel;
import dev.portcullis.triage.Triage;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.triage.TriagedFinding;
import dev.portcullis.triage.Verdict;
import dev.portcullis.triage.VerdictKind;
import dev.portcullis.triage.reachability.ReachabilityAnalyzer;
import dev.portcullis.triage.reachability.ReachabilityOptions;
import dev.portcullis.triage.reachability.ReachabilityReport;
import dev.portcullis.vulndb.VulnDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triages the shared demo image ({@code ../shared/fixtures/images/demo-nest-api/oci}, tag
 * demo-nest-api) with reachability, against the database {@link DemoTriage#database} imports from
 * {@code ../shared/vulndata}. Its compiled main file imports lodash 4.17.15; express 4.17.1 is a
 * direct dependency nothing loads ({@code ../shared/vulndata/ghsa/npm/GHSA-rv95-896h-c2vc.json}).
 */
class ReachabilityCollectorDemoTest {

    @TempDir
    static Path temp;

    private static TriageResult result;

    @BeforeAll
    static void triageWithReachability() throws Exception {
        List<Cataloger> catalogers = new ArrayList<>(CatalogerRegistry.osCatalogers());
        catalogers.addAll(NpmCatalogers.forImage());
        Cataloging cataloging = new Cataloging(catalogers, DemoTriage.CLOCK);
        try (VulnDatabase database = VulnDatabase.open(DemoTriage.database(temp));
                OpenedImage image = new ImageOpener(ImageOptions.defaults()).open(DemoTriage.IMAGE,
                        cataloging.request().or(BackportCollector.FILES).or(ReachabilityAnalyzer.fileRequest()))) {
            Inventory inventory = cataloging.run(image, "test");
            List<Finding> findings = new Matcher(database).match(inventory).findings();
            ReachabilityReport report = new ReachabilityAnalyzer(ReachabilityOptions.defaults())
                    .analyze(image.files(), image.metadata().config(), inventory.packages());
            TriageContext context = new TriageContext(image.metadata(), inventory.distro(), image.files(),
                    database::byId, null);
            result = Triage.standard(RiskModel.defaults(), List.of(), DemoTriage.TODAY)
                    .with(new ReachabilityCollector(report))
                    .triage(findings, context);
        }
    }

    @Test
    void shouldKeepImportedLodashAffectedWithItsImportChain() {
        List<TriagedFinding> lodash = findings("lodash", "4.17.15");

        assertThat(lodash).isNotEmpty().allSatisfy(triaged -> {
            assertThat(triaged.verdict().kind()).isEqualTo(VerdictKind.AFFECTED);
            Evidence chain = reachability(triaged);
            assertThat(chain.decided()).isFalse();
            assertThat(chain.fact()).isEqualTo("the application loads lodash 4.17.15: /usr/src/app/dist/main.js:5"
                    + " './app.module' -> /usr/src/app/dist/app.module.js:11 './app.controller'"
                    + " -> /usr/src/app/dist/app.controller.js:50 'lodash'");
            assertThat(chain.details()).containsEntry("step3", "/usr/src/app/dist/app.controller.js:50 loads"
                    + " 'lodash' -> /usr/src/app/node_modules/lodash/lodash.js");
        });
    }

    @Test
    void shouldCallUnloadedExpressNotInExecutePath() {
        TriagedFinding express = findings("express", "4.17.1").stream()
                .filter(triaged -> triaged.finding().id().equals("GHSA-rv95-896h-c2vc")
                        || triaged.finding().aliases().contains("GHSA-rv95-896h-c2vc"))
                .findFirst().orElseThrow();

        assertThat(express.verdict()).isInstanceOfSatisfying(Verdict.NotAffected.class, notAffected ->
                assertThat(notAffected.justification()).isEqualTo(Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH));
        Evidence searched = reachability(express);
        assertThat(searched.decided()).isTrue();
        assertThat(searched.details()).containsOnlyKeys("entryPoint1");
        assertThat(searched.details().get("entryPoint1")).startsWith("/usr/src/app/dist/main.js (image config");
        assertThat(searched.fact()).isEqualTo("no require or import from the entry points /usr/src/app/dist/main.js"
                + " resolves into express 4.17.1");
    }

    @Test
    void shouldJudgeEveryExpressFindingNotInExecutePath() {
        assertThat(findings("express", "4.17.1")).isNotEmpty()
                .allSatisfy(triaged -> assertThat(triaged.verdict().kind()).isEqualTo(VerdictKind.NOT_AFFECTED));
    }

    private static Evidence reachability(TriagedFinding triaged) {
        return triaged.evidence().stream().filter(e -> e.kind() == EvidenceKind.REACHABILITY).findFirst()
                .orElseThrow();
    }

    private static List<TriagedFinding> findings(String name, String version) {
        return result.findings().stream()
                .filter(t -> t.finding().pkg().name().equals(name) && t.finding().pkg().version().equals(version))
                .toList();
    }
}
