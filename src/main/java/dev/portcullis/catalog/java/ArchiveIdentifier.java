package dev.portcullis.catalog.java;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns what an archive declares about itself into Maven coordinates. Every {@code pom.properties} is an
 * artifact, because a shaded jar embeds the classes of each one it lists. When none of them is the
 * archive itself, the archive is named from its manifest, else from its file name.
 *
 * <p>Manifest rules, first present value wins:
 * <ul>
 *   <li>artifactId: the file name's name when the file name carries a version (titles are often
 *       display names such as {@code Netty/All-in-One}), {@code Implementation-Title} without spaces or
 *       slashes, {@code Bundle-SymbolicName}, {@code Implementation-Title}, {@code Automatic-Module-Name},
 *       the file name;</li>
 *   <li>version: {@code Implementation-Version}, the file name's version, {@code Bundle-Version},
 *       {@code Specification-Version}. {@code Bundle-Version} comes after the file name because OSGi
 *       pads it ({@code 1.9.0} for Maven's {@code 1.9}) and some jars carry another product's
 *       bundle version ({@code ecj-4.6.1.jar} declares {@code 3.12.1});</li>
 *   <li>groupId: {@code Implementation-Vendor-Id} (Maven's archiver writes the groupId there), else
 *       {@code Bundle-SymbolicName}, else the shared package of the classes, each without a last
 *       segment that repeats the artifactId ({@code org.springframework.beans} for
 *       {@code spring-beans} gives {@code org.springframework}). A later candidate that extends an
 *       earlier one wins, because it is more specific.</li>
 * </ul>
 */
final class ArchiveIdentifier {

    /** Returns the artifacts of the archive, or an empty list when no version can be found. */
    List<MavenCoordinates> identify(ArchiveContents archive) {
        Map<String, MavenCoordinates> found = new LinkedHashMap<>();
        for (PomProperties pom : archive.pomProperties()) {
            MavenCoordinates coordinates = new MavenCoordinates(
                    pom.groupId(), pom.artifactId(), pom.version(), MavenCoordinates.POM_PROPERTIES,
                    archive.pathChain());
            found.putIfAbsent(pom.groupId() + ':' + pom.artifactId() + ':' + pom.version(), coordinates);
        }
        Optional<MavenCoordinates> self = fromManifestOrFileName(archive);
        boolean selfListed = self.isPresent()
                && archive.pomProperties().stream().anyMatch(pom -> describesArchive(pom, archive, self.get()));
        if (archive.pomProperties().isEmpty() || (self.isPresent() && !selfListed)) {
            self.ifPresent(coordinates -> found.putIfAbsent("self", coordinates));
        }
        return new ArrayList<>(found.values());
    }

    private static boolean describesArchive(PomProperties pom, ArchiveContents archive, MavenCoordinates self) {
        return archive.fileName().stem().contains(pom.artifactId()) || pom.artifactId().equals(self.artifactId());
    }

    private static Optional<MavenCoordinates> fromManifestOrFileName(ArchiveContents archive) {
        JarManifest manifest = archive.manifest();
        JarFileName fileName = archive.fileName();
        String fileNameName = fileName.version() != null ? fileName.name() : null;
        String artifactId = first(
                fileNameName, identifier(manifest.implementationTitle()), manifest.bundleSymbolicName(),
                manifest.implementationTitle(), manifest.automaticModuleName(), fileName.name());
        String version = first(
                manifest.implementationVersion(), fileName.version(), manifest.bundleVersion(),
                manifest.specificationVersion());
        if (version == null) {
            return Optional.empty();
        }
        boolean versionFromManifest = manifest.implementationVersion() != null || fileName.version() == null;
        String manifestName =
                first(manifest.bundleSymbolicName(), manifest.implementationTitle(), manifest.automaticModuleName());
        boolean artifactFromManifest = fileNameName == null && manifestName != null
                || artifactId.equals(manifest.implementationTitle());
        String groupId = mostSpecific(
                manifest.implementationVendorId(),
                groupOf(manifest.bundleSymbolicName(), artifactId),
                groupOf(archive.classPackage(), artifactId));
        String source = versionFromManifest || artifactFromManifest
                ? MavenCoordinates.MANIFEST
                : MavenCoordinates.FILENAME;
        return Optional.of(new MavenCoordinates(groupId, artifactId, version, source, archive.pathChain()));
    }

    /**
     * Drops a last segment that repeats the artifactId: {@code org.apache.commons.lang3} for
     * {@code commons-lang3} gives {@code org.apache.commons}. A name equal to the artifactId gives its
     * parent.
     */
    static String groupOf(String qualifiedName, String artifactId) {
        if (qualifiedName == null || !qualifiedName.contains(".")
                || qualifiedName.replace('.', '-').equals(artifactId)) {
            // A name that only spells the artifactId with dots, as slf4j.api for slf4j-api, names no group.
            return null;
        }
        int dot = qualifiedName.lastIndexOf('.');
        String last = qualifiedName.substring(dot + 1);
        boolean repeatsArtifact = qualifiedName.equals(artifactId) || artifactId.equals(last)
                || artifactId.endsWith("-" + last) || artifactId.endsWith(last);
        return repeatsArtifact ? qualifiedName.substring(0, dot) : qualifiedName;
    }

    /**
     * Returns the first group candidate, or a later one that extends it: Apache Commons jars declare
     * {@code Implementation-Vendor-Id: org.apache} while their bundle name gives {@code org.apache.commons}.
     */
    private static String mostSpecific(String... candidates) {
        String chosen = null;
        for (String candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            if (chosen == null || candidate.startsWith(chosen + ".")) {
                chosen = candidate;
            }
        }
        return chosen;
    }

    /** Returns the value when it can be a Maven artifactId: no whitespace and no slash. */
    private static String identifier(String value) {
        return value == null || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/') ? null : value;
    }

    private static String first(String... values) {
        return Stream.of(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }
}
