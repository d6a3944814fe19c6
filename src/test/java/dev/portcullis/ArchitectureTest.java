package dev.portcullis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps package dependencies pointing one way, as the design's layering says. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portcullis");
    }

    static Stream<Arguments> forbiddenDependencies() {
        return Stream.of(
                Arguments.of("image", new String[] {"catalog", "sbom", "version", "vulndb", "match", "lint", "audit",
                        "base", "triage", "report", "cli", "server"}),
                Arguments.of("version", new String[] {"image", "catalog", "sbom", "vulndb", "match", "lint", "audit",
                        "base", "triage", "report", "cli", "server"}),
                Arguments.of("catalog", new String[] {"sbom", "version", "vulndb", "match", "lint", "audit", "base",
                        "triage", "report", "cli", "server"}),
                Arguments.of("sbom", new String[] {"vulndb", "match", "lint", "audit", "base", "triage", "report",
                        "cli", "server"}),
                Arguments.of("vulndb", new String[] {"image", "catalog", "sbom", "match", "lint", "audit", "base",
                        "triage", "report", "cli", "server"}),
                Arguments.of("lint", new String[] {"image", "catalog", "sbom", "version", "vulndb", "match", "audit",
                        "base", "triage", "report", "cli", "server"}),
                Arguments.of("match", new String[] {"lint", "audit", "base", "triage", "report", "cli", "server"}),
                Arguments.of("report", new String[] {"cli", "server"}));
    }

    @ParameterizedTest(name = "{0} depends on none of its forbidden packages")
    @MethodSource("forbiddenDependencies")
    void shouldKeepLayering(String layer, String[] forbidden) {
        String[] patterns = Stream.of(forbidden).map(p -> "dev.portcullis." + p + "..").toArray(String[]::new);
        ArchRule rule = noClasses()
                .that().resideInAPackage("dev.portcullis." + layer + "..")
                .should().dependOnClassesThat().resideInAnyPackage(patterns)
                .allowEmptyShould(true);
        rule.check(classes);
    }
}
