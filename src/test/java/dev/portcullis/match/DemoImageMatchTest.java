package dev.portcullis.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.npm.NpmCatalogers;
import dev.portcullis.catalog.registry.CatalogerRegistry;
import dev.portcullis.catalog.registry.Cataloging;
import dev.portcullis.catalog.runtime.NodeRuntimeCataloger;
import dev.portcullis.image.ImageOpener;
import dev.portcullis.image.ImageOptions;
import dev.portcullis.image.OpenedImage;
import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.feed.FeedImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matches the shared demo image ({@code ../shared/fixtures/images/demo-nest-api/oci}, tag
 * {@code demo-nest-api}) against a database imported from {@code ../shared/vulndata}: the Debian
 * tracker records in {@code debian-tracker/vuln-list-format}, the KEV catalog, the Node.js core
 * index and the GHSA records.
 */
class DemoImageMatchTest {

    private static final Path VULNDATA = Path.of("../shared/vulndata");
    private static final String IMAGE = "../shared/fixtures/images/demo-nest-api/oci:demo-nest-api";

    @TempDir
    static Path temp;

    private static VulnDatabase database;
    private static Inventory inventory;
    private static List<Finding> findings;

    @BeforeAll
    static void scanAndMatch() throws Exception {
        Path file = temp.resolve("vuln.db");
        new FeedImport(TestDatabases.CLOCK).run(file, List.of(
                VULNDATA.resolve("debian-tracker/vuln-list-format"),
                VULNDATA.resolve("kev/known_exploited_vulnerabilities.json"),
                VULNDATA.resolve("nodejs/security-wg/core/index.json"),
                VULNDATA.resolve("ghsa")), Optional.empty());
        database = VulnDatabase.open(file);

        List<Cataloger> catalogers = new ArrayList<>(CatalogerRegistry.osCatalogers());
        catalogers.addAll(NpmCatalogers.forImage());
        catalogers.add(new NodeRuntimeCataloger());
        Cataloging cataloging = new Cataloging(catalogers, TestDatabases.CLOCK);
        try (OpenedImage image = new ImageOpener(ImageOptions.defaults()).open(IMAGE, cataloging.request())) {
            inventory = cataloging.run(image, "test");
        }
        findings = new Matcher(database).match(inventory).findings();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void shouldReportOpenBookwormCves() {
        Map<String, String> expected = new TreeMap<>();
        for (String pkg : List.of("apt", "libapt-pkg6.0")) {
            expected.put(pkg + " CVE-2011-3374", "no fix (unfixed), unimportant");
        }
        expected.put("coreutils CVE-2016-2781", "will not fix");
        for (String pkg : List.of("libc6", "libc-bin")) {
            expected.put(pkg + " CVE-2019-1010022", "no fix (unfixed), unimportant");
            expected.put(pkg + " CVE-2023-4911", "no fix (unfixed)");
            expected.put(pkg + " CVE-2025-0395", "no fix (no-dsa)");
        }
        expected.put("zlib1g CVE-2023-45853", "no fix in debian:12 (unstable fixed in 1:1.3.dfsg-2)");
        for (String pkg : List.of("login", "passwd")) {
            expected.put(pkg + " CVE-2023-4641", "no fix (no-dsa)");
        }
        for (String pkg : List.of("libtinfo6", "ncurses-base", "ncurses-bin")) {
            expected.put(pkg + " CVE-2023-50495", "no fix (no-dsa)");
        }
        for (String pkg : List.of("libssl3", "openssl")) {
            expected.put(pkg + " CVE-2024-5535", "no fix (postponed)");
        }

        Map<String, String> actual = findings.stream()
                .filter(finding -> finding.pkg().type() == PackageType.DEB)
                .collect(Collectors.toMap(f -> f.pkg().name() + " " + f.id(), Finding::statusWords, (a, b) -> a,
                        TreeMap::new));

        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void shouldSkipCveFixedByDsa() {
        // DSA-5673-1 fixes CVE-2024-2961 in bookworm at 2.36-9+deb12u6; the image has 2.36-9+deb12u14.
        assertThat(findings).noneMatch(finding -> finding.ids().contains("CVE-2024-2961"));
    }

    @Test
    void shouldMarkKevMembership() {
        Finding looneyTunables = findings.stream()
                .filter(f -> f.pkg().name().equals("libc6") && f.id().equals("CVE-2023-4911"))
                .findFirst().orElseThrow();

        assertThat(looneyTunables.inKev()).isTrue();
        assertThat(looneyTunables.kev().vendorProject()).isEqualTo("GNU");
        assertThat(looneyTunables.layer().index()).isZero();
    }

    @Test
    void shouldShowUnimportantAsNegligibleFromDistro() {
        Finding apt = findings.stream()
                .filter(f -> f.pkg().name().equals("apt") && f.id().equals("CVE-2011-3374"))
                .findFirst().orElseThrow();

        assertThat(apt.level()).isEqualTo(Level.NEGLIGIBLE);
        assertThat(apt.displayed().source()).isEqualTo("debian-tracker");
    }

    @Test
    void shouldMatchLodashWithBothGhsaRecords() {
        Map<String, List<String>> lodash = findings.stream()
                .filter(f -> f.pkg().name().equals("lodash") && f.pkg().version().equals("4.17.15"))
                .collect(Collectors.toMap(f -> f.aliases().stream().filter(a -> a.startsWith("GHSA-")).findFirst()
                        .orElse(f.id()), Finding::fixedVersions, (a, b) -> a, TreeMap::new));

        assertThat(lodash).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "GHSA-35jh-r3h4-6jhm", List.of("4.17.21"),
                "GHSA-p6mc-m468-83gw", List.of("4.17.19"))));
    }

    @Test
    void shouldFindNodeRuntimeWithNoOpenAdvisory() {
        List<Package> runtimes = inventory.packages().stream().filter(NodeRuntimeMatcher::isNodeRuntime).toList();

        assertThat(runtimes).singleElement().satisfies(node -> {
            assertThat(node.version()).isEqualTo("20.20.2");
            assertThat(node.purl()).isEqualTo("pkg:generic/node@20.20.2");
            assertThat(node.locations()).containsExactly("/usr/local/bin/node");
        });
        assertThat(findings).noneMatch(finding -> NodeRuntimeMatcher.isNodeRuntime(finding.pkg()));
    }

    @Test
    void shouldReportRuntimeAdvisoriesFixedAfterNode20180() {
        Package node = new Package(PackageType.GENERIC, "node", "20.18.0", null, null, "pkg:generic/node@20.18.0",
                NodeRuntimeCataloger.NAME, List.of("/usr/local/bin/node"), List.of(), null, List.of(), Map.of());

        List<Finding> runtime = new Matcher(database).match(node, inventory.distro());

        Set<String> expected = new TreeSet<>(List.of(
                "CVE-2025-23083", "CVE-2025-23084", "CVE-2025-23085",
                "CVE-2025-23165", "CVE-2025-23166", "CVE-2025-23167", "CVE-2025-27210",
                "CVE-2025-55130", "CVE-2025-55131", "CVE-2025-55132", "CVE-2025-59464", "CVE-2025-59465",
                "CVE-2025-59466", "CVE-2026-21637", "CVE-2026-21710", "CVE-2026-21713", "CVE-2026-21714",
                "CVE-2026-21715", "CVE-2026-21716", "CVE-2026-21717"));
        assertThat(runtime).extracting(Finding::id).containsExactlyElementsOf(expected);
        Finding first = runtime.getFirst();
        assertThat(first.fixedVersions()).containsExactly("20.18.2");
        assertThat(first.aliases()).containsExactly("NSWG-COR-147");
        assertThat(first.statusWords()).isEqualTo("fixed in 20.18.2");
    }
}
