package dev.portcullis.image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ImageDependencyTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.portcullis.image..");

    @Test
    void shouldDependOnNoOtherPortcullisPackage() {
        noClasses().that().resideInAPackage("dev.portcullis.image..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.portcullis.image..", "java..", "javax..",
                        "org.apache.commons.compress..", "com.github.luben.zstd..", "com.fasterxml.jackson..",
                        "org.slf4j..")
                .check(classes);
    }

    @Test
    void shouldKeepJsonOutOfTreeCode() {
        noClasses().that().resideInAnyPackage("dev.portcullis.image.tree..", "dev.portcullis.image.layer..",
                        "dev.portcullis.image.rootfs..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.image.json..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }
}
