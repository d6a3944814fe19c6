package dev.portcullis.image.registry;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class RegistryPackageDependencyTest {

    @Test
    void shouldDependOnlyOnImagePackage() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portcullis");

        noClasses().that().resideInAPackage("dev.portcullis.image.registry..")
                .should().dependOnClassesThat(resideInAPackage("dev.portcullis..")
                        .and(not(resideInAnyPackage("dev.portcullis.image", "dev.portcullis.image.registry.."))))
                .check(classes);
    }
}
