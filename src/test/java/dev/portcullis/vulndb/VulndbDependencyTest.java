package dev.portcullis.vulndb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the vulnerability database below the matcher: of our packages it may use only {@code version}. */
class VulndbDependencyTest {

    @Test
    void shouldDependOnlyOnVersionPackage() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portcullis");

        noClasses().that().resideInAPackage("dev.portcullis.vulndb..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.image..", "dev.portcullis.catalog..",
                        "dev.portcullis.sbom..", "dev.portcullis.match..", "dev.portcullis.lint..", "dev.portcullis.audit..",
                        "dev.portcullis.base..", "dev.portcullis.triage..", "dev.portcullis.report..", "dev.portcullis.cli..",
                        "dev.portcullis.server..")
                .check(classes);
    }
}
