package dev.portcullis.catalog.java;

import java.util.List;

/**
 * The identity facts of one archive, top-level or nested.
 *
 * @param pathChain the archive's path with each nesting step after {@code !}, for example
 *     {@code /app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar}
 * @param pomProperties every complete {@code pom.properties} in the archive, in entry order
 * @param manifest the main manifest attributes, or {@link JarManifest#EMPTY}
 * @param classPackage the longest package prefix shared by the archive's classes, such as
 *     {@code org.springframework.beans}, or null
 */
record ArchiveContents(
        String pathChain, List<PomProperties> pomProperties, JarManifest manifest, String classPackage) {

    JarFileName fileName() {
        return JarFileName.of(pathChain);
    }
}
