package dev.portcullis.lint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The lint library depends on nothing else of ours, so audit, base and triage can all use it. */
class LintArchitectureTest {

    @Test
    void shouldDependOnNoOtherPortcullisPackage() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portcullis");

        noClasses().that().resideInAPackage("dev.portcullis.lint..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.image..", "dev.portcullis.catalog..",
                        "dev.portcullis.sbom..", "dev.portcullis.version..", "dev.portcullis.vulndb..", "dev.portcullis.match..",
                        "dev.portcullis.triage..", "dev.portcullis.audit..", "dev.portcullis.base..", "dev.portcullis.report..",
                        "dev.portcullis.cli..", "dev.portcullis.server..")
                .check(classes);
    }
}
