package dev.portcullis.base;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the base image checks on the lint and vulndb packages only, so triage can use them. */
class BaseDependencyTest {

    @Test
    void shouldDependOnlyOnLintAndVulndb() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portcullis");

        noClasses().that().resideInAPackage("dev.portcullis.base..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.image..", "dev.portcullis.catalog..",
                        "dev.portcullis.sbom..", "dev.portcullis.match..", "dev.portcullis.audit..", "dev.portcullis.triage..",
                        "dev.portcullis.report..", "dev.portcullis.cli..", "dev.portcullis.server..")
                .check(classes);
    }
}
