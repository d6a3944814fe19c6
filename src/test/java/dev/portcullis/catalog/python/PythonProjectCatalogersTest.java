package dev.portcullis.catalog.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.java.CatalogRun;
import dev.portcullis.image.Skipped;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Requirements files and lockfiles of the project in src/test/resources/catalog/python/rootfs/srv/app. */
class PythonProjectCatalogersTest {

    static final Path ROOTFS = Path.of("src/test/resources/catalog/python/rootfs");

    @Test
    void shouldReadOnlyPinnedRequirements() {
        CatalogRun run = CatalogRun.of(new RequirementsCataloger(), ROOTFS);

        assertThat(versions(run)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Django", "4.2.11", "requests", "2.31.0", "urllib3", "2.2.1", "certifi", "2024.2.2"));
        assertThat(run.packages()).allSatisfy(p -> assertThat(p.locations()).containsExactly("/srv/app/requirements.txt"));
        assertThat(run.packages().stream().filter(p -> p.name().equals("urllib3")).findFirst().orElseThrow().properties())
                .containsEntry("line", "6");
    }

    @Test
    void shouldSkipUnpinnedRequirementsWithReason() {
        CatalogRun run = CatalogRun.of(new RequirementsCataloger(), ROOTFS);

        assertThat(run.skipped()).extracting(Skipped::location).containsExactly(
                "/srv/app/requirements.txt:2", "/srv/app/requirements.txt:3", "/srv/app/requirements.txt:8",
                "/srv/app/requirements.txt:9", "/srv/app/requirements.txt:10", "/srv/app/requirements.txt:11");
        assertThat(run.skipped().get(0).reason()).isEqualTo("pip option line not followed: -r base-constraints.txt");
        assertThat(run.skipped().get(2).reason())
                .isEqualTo("requirement not pinned with ==, so no version is known: celery>=5.3");
    }

    @Test
    void shouldReadPoetryLockWithCategories() {
        CatalogRun run = CatalogRun.of(new PoetryLockCataloger(), ROOTFS);

        assertThat(versions(run)).containsExactlyInAnyOrderEntriesOf(Map.of("certifi", "2024.2.2", "pytest", "8.1.1"));
        assertThat(development(run)).containsExactlyInAnyOrderEntriesOf(Map.of("certifi", "false", "pytest", "true"));
        assertThat(run.packages().getFirst().purl()).isEqualTo("pkg:pypi/certifi@2024.2.2");
        assertThat(run.skipped()).isEmpty();
    }

    @Test
    void shouldReadPipfileLockSections() {
        CatalogRun run = CatalogRun.of(new PipfileLockCataloger(), ROOTFS);

        assertThat(versions(run)).containsExactlyInAnyOrderEntriesOf(Map.of("idna", "3.7", "black", "24.3.0"));
        assertThat(development(run)).containsExactlyInAnyOrderEntriesOf(Map.of("idna", "false", "black", "true"));
        assertThat(run.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("/srv/app/Pipfile.lock");
            assertThat(skipped.reason()).isEqualTo("locked package mylib has no version; not cataloged");
        });
    }

    @Test
    void shouldReadUvLockAndSkipInvalidOne() {
        CatalogRun run = CatalogRun.of(new UvLockCataloger(), ROOTFS);

        assertThat(versions(run)).containsExactlyInAnyOrderEntriesOf(Map.of("app", "0.1.0", "idna", "3.7"));
        assertThat(run.packages()).allSatisfy(p -> assertThat(p.foundBy()).isEqualTo("python-uv-lock-cataloger"));
        assertThat(run.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("/srv/broken/uv.lock");
            assertThat(skipped.reason()).startsWith("invalid uv.lock: ");
        });
    }

    @Test
    void shouldSkipLockfileLargerThanLimit() {
        CatalogRun run = CatalogRun.of(new PoetryLockCataloger(100), ROOTFS);

        assertThat(run.packages()).isEmpty();
        assertThat(run.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("/srv/app/poetry.lock");
            assertThat(skipped.reason()).matches("poetry.lock of \\d+ bytes is larger than the 100-byte limit; not read");
        });
    }

    private static Map<String, String> versions(CatalogRun run) {
        return run.packages().stream().collect(Collectors.toMap(Package::name, Package::version));
    }

    private static Map<String, String> development(CatalogRun run) {
        return run.packages().stream().collect(Collectors.toMap(Package::name, p -> p.properties().get("development")));
    }
}
