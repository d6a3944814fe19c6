package dev.portcullis.triage;

import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.npm.NpmCatalogers;
import dev.portcullis.catalog.registry.CatalogerRegistry;
import dev.portcullis.catalog.registry.Cataloging;
import dev.portcullis.catalog.runtime.NodeRuntimeCataloger;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.match.Finding;
import dev.portcullis.match.Matcher;
import dev.portcullis.triage.collect.BackportCollector;
import dev.portcullis.triage.vex.VexStatement;
import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.feed.FeedImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scans, matches and triages the shared demo image ({@code ../shared/fixtures/images/demo-nest-api/oci},
 * tag {@code demo-nest-api}) against a database imported from {@code ../shared/vulndata} the way the
 * matcher's demo test imports it: the Debian tracker records in {@code debian-tracker/vuln-list-format},
 * the KEV catalog, the Node.js core index and the GHSA records.
 */
public final class DemoTriage {

    public static final Path VULNDATA = Path.of("../shared/vulndata");
    public static final String IMAGE = "../shared/fixtures/images/demo-nest-api/oci:demo-nest-api";
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /**
     * The outcome of one run.
     *
     * @param tooling the npm bundle's packages, each triaged with a made-up finding, since the sample
     *     data has no advisory for any of them
     */
    public record Run(Inventory inventory, TriageResult result, List<TriagedFinding> tooling) {}

    private DemoTriage() {}

    /** Writes the demo database into the folder and returns its path. */
    public static Path database(Path folder) throws Exception {
        Path file = folder.resolve("vuln.db");
        if (!Files.exists(file)) {
            new FeedImport(CLOCK).run(file, List.of(
                    VULNDATA.resolve("debian-tracker/vuln-list-format"),
                    VULNDATA.resolve("kev/known_exploited_vulnerabilities.json"),
                    VULNDATA.resolve("nodejs/security-wg/core/index.json"),
                    VULNDATA.resolve("ghsa")), Optional.empty());
        }
        return file;
    }

    public static Run run(Path folder, List<VexStatement> statements) throws Exception {
        List<Cataloger> catalogers = new ArrayList<>(CatalogerRegistry.osCatalogers());
        catalogers.addAll(NpmCatalogers.forImage());
        catalogers.add(new NodeRuntimeCataloger());
        Cataloging cataloging = new Cataloging(catalogers, CLOCK);
        try (VulnDatabase database = VulnDatabase.open(database(folder));
                OpenedImage image = new ImageOpener(ImageOptions.defaults())
                        .open(IMAGE, cataloging.request().or(BackportCollector.FILES))) {
            Inventory inventory = cataloging.run(image, "test");
            List<Finding> findings = new Matcher(database).match(inventory).findings();
            TriageContext context = new TriageContext(image.metadata(), inventory.distro(), image.files(),
                    database::byId, null);
            TriageResult result = Triage.standard(RiskModel.defaults(), statements, TODAY).triage(findings, context);
            List<TriagedFinding> tooling = Triage.standard(RiskModel.defaults(), List.of(), TODAY)
                    .triage(toolingFindings(inventory), context).findings();
            return new Run(inventory, result, tooling);
        }
    }

    private static List<Finding> toolingFindings(Inventory inventory) {
        return inventory.packages().stream()
                .filter(pkg -> "true".equals(pkg.properties().get(dev.portcullis.catalog.npm.NpmProperties.TOOLING)))
                .map(pkg -> new Finding(pkg, pkg.version(), "CVE-2099-0001", List.of(), null, List.of(),
                        dev.portcullis.match.FixState.NOT_FIXED, "no fix", List.of(), List.of(), null, null, null,
                        List.of()))
                .toList();
    }
}
