package dev.portcullis.catalog.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.FolderFileResolver;
import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.CatalogResult;
import dev.portcullis.catalog.Dependency;
import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs over the six real Maven Central jars in {@link #SHARED_JARS} and over archives built here. */
class JavaArchiveCatalogerTest {

    static final Path SHARED_JARS = Path.of("../shared/fixtures/manifests/maven/jars");
    static final List<String> SHARED_JAR_NAMES = List.of(
            "commons-text-1.9.jar", "jackson-databind-2.9.10.1.jar", "log4j-api-2.14.1.jar",
            "log4j-core-2.14.1.jar", "snakeyaml-1.33.jar", "spring-beans-5.3.17.jar");

    private final JavaArchiveCataloger cataloger = new JavaArchiveCataloger();

    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource({
        "commons-text-1.9.jar,          org.apache.commons,         commons-text,     1.9,      pom.properties",
        "jackson-databind-2.9.10.1.jar, com.fasterxml.jackson.core, jackson-databind, 2.9.10.1, pom.properties",
        "log4j-api-2.14.1.jar,          org.apache.logging.log4j,   log4j-api,        2.14.1,   pom.properties",
        "log4j-core-2.14.1.jar,         org.apache.logging.log4j,   log4j-core,       2.14.1,   pom.properties",
        "snakeyaml-1.33.jar,            org.yaml,                   snakeyaml,        1.33,     pom.properties",
        "spring-beans-5.3.17.jar,       org.springframework,        spring-beans,     5.3.17,   manifest",
    })
    void shouldIdentifyRealJar(String jar, String groupId, String artifactId, String version, String source) {
        CatalogRun run = CatalogRun.of(cataloger, SHARED_JARS);

        List<Package> found = run.packages().stream()
                .filter(p -> p.properties().get("pathChain").equals("/" + jar))
                .toList();

        assertThat(found).hasSize(1);
        Package pkg = found.getFirst();
        assertThat(pkg.properties()).containsEntry("groupId", groupId);
        assertThat(pkg.name()).isEqualTo(artifactId);
        assertThat(pkg.version()).isEqualTo(version);
        assertThat(pkg.properties()).containsEntry("source", source);
        assertThat(pkg.purl()).isEqualTo("pkg:maven/%s/%s@%s".formatted(groupId, artifactId, version));
        assertThat(pkg.foundBy()).isEqualTo("java-archive-cataloger");
        assertThat(pkg.locations()).containsExactly("/" + jar);
        assertThat(run.skipped()).isEmpty();
    }

    @Test
    void shouldFindEveryLibraryOfSpringBootJar() {
        TestArchive boot = TestArchive.create()
                .manifest("Main-Class: org.springframework.boot.loader.launch.JarLauncher",
                        "Start-Class: com.example.demo.DemoApplication", "Implementation-Title: demo",
                        "Implementation-Version: 0.0.1-SNAPSHOT")
                .add("BOOT-INF/classes/com/example/demo/DemoApplication.class", new byte[] {(byte) 0xCA, (byte) 0xFE})
                .pom("com.example", "demo", "0.0.1-SNAPSHOT");
        SHARED_JAR_NAMES.forEach(jar -> boot.addFile("BOOT-INF/lib/" + jar, SHARED_JARS.resolve(jar)));
        boot.writeTo(root.resolve("app/app.jar"));

        CatalogRun run = CatalogRun.of(cataloger, root);

        assertThat(chains(run)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "com.example:demo@0.0.1-SNAPSHOT", "/app/app.jar",
                "org.apache.commons:commons-text@1.9", "/app/app.jar!/BOOT-INF/lib/commons-text-1.9.jar",
                "com.fasterxml.jackson.core:jackson-databind@2.9.10.1",
                "/app/app.jar!/BOOT-INF/lib/jackson-databind-2.9.10.1.jar",
                "org.apache.logging.log4j:log4j-api@2.14.1", "/app/app.jar!/BOOT-INF/lib/log4j-api-2.14.1.jar",
                "org.apache.logging.log4j:log4j-core@2.14.1", "/app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar",
                "org.yaml:snakeyaml@1.33", "/app/app.jar!/BOOT-INF/lib/snakeyaml-1.33.jar",
                "org.springframework:spring-beans@5.3.17", "/app/app.jar!/BOOT-INF/lib/spring-beans-5.3.17.jar"));
        assertThat(run.skipped()).isEmpty();
    }

    @Test
    void shouldFindLibrariesOfWarInsideEar() {
        TestArchive war = TestArchive.create()
                .pom("com.example", "web", "2.0")
                .add("WEB-INF/classes/com/example/web/Servlet.class", new byte[] {1})
                .addFile("WEB-INF/lib/log4j-core-2.14.1.jar", SHARED_JARS.resolve("log4j-core-2.14.1.jar"))
                .addFile("WEB-INF/lib/spring-beans-5.3.17.jar", SHARED_JARS.resolve("spring-beans-5.3.17.jar"));
        TestArchive.create().add("web.war", war.bytes()).writeTo(root.resolve("srv/shop-1.0.ear"));

        CatalogRun run = CatalogRun.of(cataloger, root);

        assertThat(chains(run)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "shop@1.0", "/srv/shop-1.0.ear",
                "com.example:web@2.0", "/srv/shop-1.0.ear!/web.war",
                "org.apache.logging.log4j:log4j-core@2.14.1", "/srv/shop-1.0.ear!/web.war!/WEB-INF/lib/log4j-core-2.14.1.jar",
                "org.springframework:spring-beans@5.3.17", "/srv/shop-1.0.ear!/web.war!/WEB-INF/lib/spring-beans-5.3.17.jar"));
        assertThat(run.packages().getFirst().properties()).containsEntry("source", "filename");
    }

    @Test
    void shouldRecordContainsEdgesOfEar() {
        TestArchive war = TestArchive.create()
                .pom("com.example", "web", "2.0")
                .addFile("WEB-INF/lib/log4j-core-2.14.1.jar", SHARED_JARS.resolve("log4j-core-2.14.1.jar"));
        TestArchive.create().add("web.war", war.bytes()).writeTo(root.resolve("srv/shop-1.0.ear"));
        List<Skipped> skipped = new ArrayList<>();

        CatalogResult result = cataloger.catalogWithDependencies(
                new CatalogContext(FolderFileResolver.rootFilesystem(root), Distro.UNKNOWN, List.of(), skipped::add));

        Map<String, String> chainById = new HashMap<>();
        result.packages().forEach(p -> chainById.put(Dependency.idOf(p), p.locations().getFirst()));
        chainById.put(Dependency.ROOT_ID, "root");
        assertThat(result.dependencies()).map(d -> chainById.get(d.fromPackageId()) + " " + d.kind() + " "
                + chainById.get(d.toPackageId())).containsExactly(
                "root DEPENDS_ON /srv/shop-1.0.ear",
                "/srv/shop-1.0.ear CONTAINS /srv/shop-1.0.ear!/web.war",
                "/srv/shop-1.0.ear!/web.war CONTAINS /srv/shop-1.0.ear!/web.war!/WEB-INF/lib/log4j-core-2.14.1.jar");
        assertThat(skipped).isEmpty();
    }

    @Test
    void shouldReportEveryPomPropertiesOfShadedJar() {
        TestArchive.create()
                .pom("com.example", "uber", "3.1")
                .pom("com.google.guava", "guava", "31.1-jre")
                .pom("com.google.guava", "failureaccess", "1.0.1")
                .writeTo(root.resolve("opt/uber-3.1.jar"));

        CatalogRun run = CatalogRun.of(cataloger, root);

        assertThat(run.coordinates()).containsExactlyInAnyOrder(
                "com.example:uber@3.1", "com.google.guava:guava@31.1-jre", "com.google.guava:failureaccess@1.0.1");
    }

    @Test
    void shouldNameShadedJarWithOnlyEmbeddedPoms() {
        // The cassandra driver's shaded jar carries only the pom.properties of the jctools it embeds.
        TestArchive.create()
                .manifest("Bundle-SymbolicName: com.datastax.driver.core", "Bundle-Version: 3.11.0")
                .pom("org.jctools", "jctools-core", "2.1.1")
                .writeTo(root.resolve("lib/cassandra-driver-core-3.11.0-shaded.jar"));

        CatalogRun run = CatalogRun.of(cataloger, root);

        assertThat(run.coordinates()).containsExactlyInAnyOrder(
                "org.jctools:jctools-core@2.1.1", "com.datastax.driver:cassandra-driver-core@3.11.0-shaded");
    }

    @Test
    void shouldStopNestingAtDepthLimit() {
        byte[] inner = TestArchive.create().pom("test", "level-30", "1.0").bytes();
        for (int level = 29; level >= 1; level--) {
            inner = TestArchive.create()
                    .pom("test", "level-" + level, "1.0")
                    .add("lib/level-" + (level + 1) + ".jar", inner)
                    .bytes();
        }
        TestArchive.create()
                .pom("test", "level-0", "1.0")
                .add("lib/level-1.jar", inner)
                .writeTo(root.resolve("deep/level-0.jar"));

        CatalogRun run = CatalogRun.of(cataloger, root);

        assertThat(run.packages()).hasSize(17);
        assertThat(run.coordinates()).contains("test:level-0@1.0", "test:level-16@1.0");
        assertThat(run.coordinates()).doesNotContain("test:level-17@1.0");
        assertThat(run.skipped()).hasSize(1);
        Skipped skipped = run.skipped().getFirst();
        assertThat(skipped.location()).startsWith("/deep/level-0.jar!/lib/level-1.jar!/");
        assertThat(skipped.location()).endsWith("!/lib/level-17.jar");
        assertThat(skipped.reason()).contains("nested more than 16 archives deep");
    }

    @Test
    void shouldSkipZipBombAndReadItsSiblings() throws IOException {
        Path host = root.resolve("app/bomb-host-1.0.jar");
        Files.createDirectories(host.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(host))) {
            zip.putNextEntry(new ZipEntry("lib/bomb.jar"));
            writeZeros(zip, 128L << 20);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("lib/log4j-api-2.14.1.jar"));
            zip.write(Files.readAllBytes(SHARED_JARS.resolve("log4j-api-2.14.1.jar")));
            zip.closeEntry();
        }

        CatalogRun run = CatalogRun.of(cataloger, root);

        assertThat(run.coordinates()).containsExactlyInAnyOrder("bomb-host@1.0", "org.apache.logging.log4j:log4j-api@2.14.1");
        assertThat(run.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("/app/bomb-host-1.0.jar!/lib/bomb.jar");
            assertThat(skipped.reason()).contains("possible zip bomb");
        });
    }

    @Test
    void shouldStopAtTotalNestedBytes() {
        TestArchive host = TestArchive.create();
        for (String jar : List.of("log4j-api-2.14.1.jar", "snakeyaml-1.33.jar", "commons-text-1.9.jar")) {
            host.addFile("lib/" + jar, SHARED_JARS.resolve(jar));
        }
        host.writeTo(root.resolve("app/host-1.0.jar"));
        // The first two jars take 632,080 bytes together, so a 700,000-byte budget leaves too little for the third.
        ArchiveLimits limits = new ArchiveLimits(16, 512L << 20, 100, 1L << 20, 4L << 20, 700_000);

        CatalogRun run = CatalogRun.of(new JavaArchiveCataloger(limits), root);

        assertThat(run.coordinates()).containsExactlyInAnyOrder(
                "host@1.0", "org.apache.logging.log4j:log4j-api@2.14.1", "org.yaml:snakeyaml@1.33");
        assertThat(run.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("/app/host-1.0.jar!/lib/commons-text-1.9.jar");
            assertThat(skipped.reason()).contains("700000-byte total limit");
        });
    }

    @Test
    void shouldSkipCorruptArchivesAndReadTheRest() {
        writeBytes(root.resolve("bad/corrupt-1.0.jar"), "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.UTF_8));
        TestArchive.create()
                .add("lib/broken-2.0.jar", "PK\u0003\u0004 truncated")
                .addFile("lib/snakeyaml-1.33.jar", SHARED_JARS.resolve("snakeyaml-1.33.jar"))
                .writeTo(root.resolve("good/host-1.0.jar"));

        CatalogRun run = CatalogRun.of(cataloger, root);

        assertThat(run.coordinates()).containsExactlyInAnyOrder("host@1.0", "org.yaml:snakeyaml@1.33");
        assertThat(run.skipped()).extracting(Skipped::location)
                .containsExactlyInAnyOrder("/bad/corrupt-1.0.jar", "/good/host-1.0.jar!/lib/broken-2.0.jar");
        assertThat(run.skipped()).allSatisfy(skipped -> assertThat(skipped.reason()).startsWith("not a readable zip archive"));
    }

    @Test
    void shouldSkipArchiveWithoutAnyVersion() {
        TestArchive.create().manifest("Created-By: test").writeTo(root.resolve("opt/tool.jar"));

        CatalogRun run = CatalogRun.of(cataloger, root);

        assertThat(run.packages()).isEmpty();
        assertThat(run.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("/opt/tool.jar");
            assertThat(skipped.reason()).contains("no version");
        });
    }

    private static Map<String, String> chains(CatalogRun run) {
        return run.packages().stream()
                .collect(Collectors.toMap(CatalogRun::coordinates, p -> p.properties().get("pathChain")));
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[1 << 20];
        for (long written = 0; written < count; written += zeros.length) {
            out.write(zeros);
        }
    }

    private static void writeBytes(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
