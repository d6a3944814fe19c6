package dev.portcullis.catalog.java;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.CatalogResult;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Maven artifacts in Java archives: jars, wars, ears, Spring Boot executable jars and Jenkins
 * plugins, with every archive nested in them. Each package records the archive that contains it as a
 * path chain, for example {@code /app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar}, in its location
 * and in the {@code pathChain} property.
 *
 * <p>Properties: {@code pathChain}, {@code groupId} (absent when unknown), {@code artifactId}, and
 * {@code source}, one of {@code pom.properties}, {@code manifest} or {@code filename}.
 */
public final class JavaArchiveCataloger implements Cataloger {

    private static final Logger LOG = LoggerFactory.getLogger(JavaArchiveCataloger.class);

    private final ArchiveLimits limits;
    private final ArchiveIdentifier identifier = new ArchiveIdentifier();

    public JavaArchiveCataloger() {
        this(ArchiveLimits.defaults());
    }

    public JavaArchiveCataloger(ArchiveLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "java-archive-cataloger";
    }

    @Override
    public FileRequest request() {
        return path -> ArchiveWalker.isArchiveName(path);
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        return catalogWithDependencies(context).packages();
    }

    /** Returns the packages with the archives that contain them, see {@link ArchiveRelationships}. */
    @Override
    public CatalogResult catalogWithDependencies(CatalogContext context) {
        Map<String, FileEntry> archives = new TreeMap<>();
        for (String extension : ArchiveWalker.EXTENSIONS) {
            for (FileEntry entry : context.files().glob("**/*" + extension)) {
                if (entry.isRegularFile()) {
                    archives.put(entry.path(), entry);
                }
            }
        }
        List<Package> packages = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        ArchiveWalker walker = new ArchiveWalker(limits, context.skipped());
        for (FileEntry archive : archives.values()) {
            List<ArchiveContents> contents;
            try (InputStream in = context.files().open(archive.path())) {
                contents = walker.walk(archive.path(), in);
            } catch (IOException e) {
                context.skipped().accept(new Skipped(archive.path(), "failed to read the archive: " + e.getMessage()));
                continue;
            }
            Map<String, List<Package>> packagesByChain = new LinkedHashMap<>();
            for (ArchiveContents content : contents) {
                List<MavenCoordinates> found = identifier.identify(content);
                List<Package> inArchive = packagesByChain.computeIfAbsent(content.pathChain(), chain -> new ArrayList<>());
                if (found.isEmpty()) {
                    context.skipped().accept(new Skipped(content.pathChain(),
                            "no version in pom.properties, the manifest or the file name; archive not cataloged"));
                }
                for (MavenCoordinates coordinates : found) {
                    Package pkg = toPackage(coordinates, archive, context);
                    packages.add(pkg);
                    inArchive.add(pkg);
                }
            }
            dependencies.addAll(ArchiveRelationships.of(packagesByChain));
        }
        LOG.debug("Found {} Java packages in {} archives", packages.size(), archives.size());
        return new CatalogResult(packages, dependencies);
    }

    private Package toPackage(MavenCoordinates coordinates, FileEntry archive, CatalogContext context) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("pathChain", coordinates.pathChain());
        if (coordinates.groupId() != null) {
            properties.put("groupId", coordinates.groupId());
        }
        properties.put("artifactId", coordinates.artifactId());
        properties.put("source", coordinates.source());
        return new Package(PackageType.MAVEN, coordinates.artifactId(), coordinates.version(), null, null,
                purl(coordinates), name(), List.of(coordinates.pathChain()), List.of(),
                context.layer(archive.layerIndex()), List.of(), Map.copyOf(properties));
    }

    /** Builds {@code pkg:maven/group/artifact@version}, or returns null when the parts are not valid. */
    static String purl(MavenCoordinates coordinates) {
        try {
            return new PackageURL(PackageType.MAVEN.purlType(), coordinates.groupId(), coordinates.artifactId(),
                    coordinates.version(), null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            LOG.debug("No package URL for {}: {}", coordinates, e.getMessage());
            return null;
        }
    }
}
