package dev.portcullis.bench;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.catalog.SourcePackage;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileResolver;
import dev.portcullis.image.FileType;
import dev.portcullis.image.FileVersion;
import dev.portcullis.image.ImageConfig;
import dev.portcullis.image.ImageMetadata;
import dev.portcullis.image.Layer;
import dev.portcullis.match.Finding;
import dev.portcullis.match.FixState;
import dev.portcullis.match.Level;
import dev.portcullis.match.MatchBasis;
import dev.portcullis.match.Rating;
import dev.portcullis.triage.RiskModel;
import dev.portcullis.triage.Triage;
import dev.portcullis.triage.TriageContext;
import dev.portcullis.triage.TriageResult;
import dev.portcullis.vulndb.Advisory;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.DistroStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Triages 5,000 generated findings with every collector: 3,000 Debian findings over 500 packages (with
 * tracker records in every state, and a gzip changelog for every second package) and 2,000 npm
 * findings (a quarter of them image tooling, all with CVSS vectors). The database lookup is an
 * in-memory map, so the time is triage's own, not SQLite's.
 *
 * <p>Run: {@code bench/run-jmh.sh TriageBenchmark} where that script exists, or
 * {@code mvn -Pbench -q test-compile exec:exec -Djmh.args="TriageBenchmark -f 1 -wi 3 -i 10"}.
 * SampleTime mode reports the median as {@code p0.50}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TriageBenchmark {

    private static final String[] STATES = {"unfixed", "no-dsa", "postponed", "ignored", "fixed", "not-affected"};
    private static final Distro BOOKWORM = new Distro("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)");

    private List<Finding> findings;
    private TriageContext context;

    @Setup
    public void generate() {
        Map<String, List<Advisory>> records = new HashMap<>();
        Map<String, byte[]> files = new HashMap<>();
        findings = new ArrayList<>();
        for (int p = 0; p < 500; p++) {
            String source = "src" + p;
            Package pkg = new Package(PackageType.DEB, "lib" + source, "1.0-" + (p % 7 + 1), "amd64",
                    new SourcePackage(source, "1.0-" + (p % 7 + 1)), "pkg:deb/debian/lib" + source, "dpkg-db-cataloger",
                    List.of("/var/lib/dpkg/status"), List.of("/usr/lib/lib" + source + ".so.1"), null, List.of(), Map.of());
            files.put("/usr/lib/lib" + source + ".so.1", new byte[] {1});
            StringBuilder changelog = new StringBuilder();
            for (int c = 0; c < 6; c++) {
                String id = "CVE-2099-" + (10000 + p * 6 + c);
                String state = STATES[c];
                String fixed = state.equals("fixed") ? "1.0-" + (p % 7 + 2) : null;
                records.put(id, List.of(record(id, source, state, fixed, c == 1 ? "unimportant" : null)));
                findings.add(finding(pkg, id, null));
                if (c % 2 == 0) {
                    changelog.append(source).append(" (1.0-").append(c % 3 + 1).append(") bookworm; urgency=medium\n\n  * Fix ")
                            .append(id).append(".\n\n -- Maintainer <m@example.org>  Mon, 02 Mar 2026 10:00:00 +0000\n\n");
                }
            }
            if (p % 2 == 0) {
                files.put("/usr/share/doc/lib" + source + "/changelog.Debian.gz", gzip(changelog.toString()));
            }
        }
        for (int n = 0; n < 2000; n++) {
            Map<String, String> properties = n % 4 == 0 ? Map.of("tooling", "true") : Map.of("scope", "prod");
            Package pkg = new Package(PackageType.NPM, "pkg" + n / 2, "1." + n % 10 + ".0", null, null,
                    "pkg:npm/pkg" + n / 2 + "@1." + n % 10 + ".0", "npm-package-json-cataloger",
                    List.of("/app/node_modules/pkg" + n / 2 + "/package.json"), List.of(), null, List.of(), properties);
            findings.add(finding(pkg, "GHSA-bench-" + n, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        }
        ImageConfig config = new ImageConfig("linux", "amd64", null, null, "node", List.of(), List.of("3000/tcp"),
                List.of("/usr/bin/dumb-init", "--"), List.of("node", "dist/main.js"), "/app", null, Map.of(), List.of());
        ImageMetadata image = new ImageMetadata("bench", null, "sha256:" + "0".repeat(64), null, List.of(), config,
                List.of(new Layer(0, "sha256:" + "1".repeat(64), null, 0, null, null)));
        context = new TriageContext(image, BOOKWORM, new MapFiles(files),
                id -> records.getOrDefault(id, List.of()), null);
    }

    @Benchmark
    public TriageResult triage5000() {
        return Triage.standard(RiskModel.defaults(), List.of(), LocalDate.of(2026, 12, 1)).triage(findings, context);
    }

    private static Finding finding(Package pkg, String id, String vector) {
        Rating rating = new Rating("bench", vector == null ? "DEBIAN_URGENCY" : "CVSS_V3", Level.HIGH, 7.5,
                vector == null ? "high" : vector);
        return new Finding(pkg, pkg.version(), id, List.of(), null, List.of(), FixState.NOT_FIXED, "no fix", List.of(),
                List.of(rating), rating, null, null,
                List.of(new MatchBasis("bench", id, pkg.type().purlType(), pkg.name(), "generated")));
    }

    private static Advisory record(String id, String source, String state, String fixed, String urgency) {
        DistroStatus status = new DistroStatus(state, fixed, urgency, null, null, null);
        Affected affected = new Affected("debian:12", source, List.of(), List.of(), null, null,
                fixed == null ? List.of() : List.of(fixed), status, null, null);
        return new Advisory(id, "debian-tracker", List.of(), null, null, null, null, null, List.of(), List.of(),
                List.of(affected), null);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Regular files in memory, all in layer 0. */
    private record MapFiles(Map<String, byte[]> files) implements FileResolver {

        @Override
        public Optional<FileEntry> find(String path) {
            return findNoFollow(path);
        }

        @Override
        public Optional<FileEntry> findNoFollow(String path) {
            byte[] content = files.get(path);
            return content == null ? Optional.empty()
                    : Optional.of(new FileEntry(path, FileType.REGULAR, content.length, 0644, 0, 0, null, 0));
        }

        @Override
        public List<FileEntry> glob(String pattern) {
            return List.of();
        }

        @Override
        public InputStream open(String path) throws FileNotFoundException {
            byte[] content = files.get(path);
            if (content == null) {
                throw new FileNotFoundException(path);
            }
            return new ByteArrayInputStream(content);
        }

        @Override
        public List<FileVersion> versions(String path) {
            return List.of();
        }
    }
}
