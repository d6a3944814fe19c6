package dev.portcullis.match.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.cli.ExitCode;
import dev.portcullis.cli.Main;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.DatabaseBuilder;
import dev.portcullis.vulndb.MergeMode;
import dev.portcullis.vulndb.VulnDbException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Matches the lockfiles of Trivy's integration tests against Trivy's own test database and compares
 * with Trivy's golden results, in {@code ../shared/fixtures/peer/trivy/integration}: the database
 * fixtures {@code db-fixtures/*.yaml} (imported through {@link TrivyDbFixtures} and our database
 * writer), the inputs {@code repo-npm}, {@code repo-pnpm} and {@code repo-yarn}, and the goldens
 * {@code golden/*.json.golden}. Goldens whose input is not in the folder (gomod, pip, poetry, pom,
 * gradle, the images) have no row.
 *
 * <p>Each row compares the vulnerability id, package name, installed version and fixed versions of
 * every finding of {@code portcullis scan <folder> --db <database> --format json}.
 */
class TrivyIntegrationGoldenTest {

    private static final Path INTEGRATION = Path.of("../shared/fixtures/peer/trivy/integration");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern RECOMMENDATION = Pattern.compile("Upgrade \\S+ to version (.+)");

    @TempDir
    static Path temp;

    private static Path database;
    private static final List<String> withoutRanges = new ArrayList<>();

    @BeforeAll
    static void importTrivyDatabaseFixtures() throws IOException, VulnDbException {
        List<Advisory> advisories = new ArrayList<>();
        try (Stream<Path> fixtures = Files.list(INTEGRATION.resolve("db-fixtures"))) {
            for (Path fixture : fixtures.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                TrivyDbFixtures.Result result = TrivyDbFixtures.read(fixture);
                advisories.addAll(result.advisories());
                withoutRanges.addAll(result.withoutRanges());
            }
        }
        database = temp.resolve("trivy-fixtures.db");
        Instant now = Instant.now();
        new DatabaseBuilder(Clock.systemUTC()).update(database, writer -> {
            for (Advisory advisory : advisories) {
                writer.putAdvisory(advisory, MergeMode.REPLACE);
            }
            for (String source : advisories.stream().map(Advisory::source).distinct().toList()) {
                writer.recordSource(source, now, now);
            }
            return null;
        });
    }

    @Test
    void shouldImportEveryLanguageAdvisoryWithRange() {
        // Only the cargo fixture lists patched versions without a vulnerable range, and no golden here uses it.
        assertThat(withoutRanges).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry).startsWith("cargo::Open Source Vulnerability "));
    }

    // Trivy leaves development packages out of npm.json.golden and lists them in npm-with-dev.json.golden.
    // Our project scan reports every lockfile package with its scope, so both rows expect the same
    // findings: the only development package of the lockfile (z-lock 1.0.0) has no advisory here.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "npm.json.golden,          repo-npm",
        "npm-with-dev.json.golden, repo-npm",
        "npm-cyclonedx.json.golden, repo-npm",
        "pnpm.json.golden,         repo-pnpm",
        "yarn.json.golden,         repo-yarn",
    })
    void shouldFindSameVulnerabilitiesAsTrivy(String golden, String input) throws Exception {
        JsonNode goldenRoot = MAPPER.readTree(INTEGRATION.resolve("golden").resolve(golden).toFile());
        Set<String> expected = goldenRoot.has("bomFormat") ? fromCycloneDx(goldenRoot) : fromTrivyJson(goldenRoot);

        Set<String> actual = scan(INTEGRATION.resolve(input));

        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    /** Runs the scan command and returns each finding as {@code <id> <package> <installed> fixed <versions>}. */
    private static Set<String> scan(Path folder) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("scan", folder.toString(), "--db", database.toString(), "--format", "json", "--quiet");
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isEqualTo(ExitCode.OK);
        Set<String> findings = new TreeSet<>();
        for (JsonNode finding : MAPPER.readTree(stdout.toByteArray()).path("findings")) {
            List<String> fixed = new ArrayList<>();
            finding.path("fixedVersions").forEach(version -> fixed.add(version.asText()));
            findings.add(finding.path("id").asText() + " " + finding.path("package").path("name").asText() + " "
                    + finding.path("installedVersion").asText() + " fixed " + String.join(", ", fixed));
        }
        return findings;
    }

    private static Set<String> fromTrivyJson(JsonNode golden) {
        Set<String> findings = new TreeSet<>();
        for (JsonNode result : golden.path("Results")) {
            for (JsonNode vulnerability : result.path("Vulnerabilities")) {
                findings.add(vulnerability.path("VulnerabilityID").asText() + " " + vulnerability.path("PkgName").asText()
                        + " " + vulnerability.path("InstalledVersion").asText() + " fixed "
                        + vulnerability.path("FixedVersion").asText());
            }
        }
        return findings;
    }

    /** Reads a CycloneDX golden: the package from the affected purl, the fixed version from the recommendation. */
    private static Set<String> fromCycloneDx(JsonNode golden) throws MalformedPackageURLException {
        Set<String> findings = new TreeSet<>();
        for (JsonNode vulnerability : golden.path("vulnerabilities")) {
            Matcher recommendation = RECOMMENDATION.matcher(vulnerability.path("recommendation").asText());
            assertThat(recommendation.matches()).as(vulnerability.path("recommendation").asText()).isTrue();
            for (JsonNode affected : vulnerability.path("affects")) {
                PackageURL purl = new PackageURL(affected.path("ref").asText());
                String name = purl.getNamespace() == null ? purl.getName() : purl.getNamespace() + "/" + purl.getName();
                findings.add(vulnerability.path("id").asText() + " " + name + " " + purl.getVersion() + " fixed "
                        + recommendation.group(1));
            }
        }
        return findings;
    }
}
