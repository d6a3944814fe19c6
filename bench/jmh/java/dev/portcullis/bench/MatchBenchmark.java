package dev.portcullis.bench;

import dev.portcullis.catalog.Inventory;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.match.MatchResult;
import dev.portcullis.match.Matcher;
import dev.portcullis.vulndb.VulnDatabase;
import dev.portcullis.vulndb.VulnDbException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Matches an inventory of 1,000 npm packages against the database that {@code bench/db-bench.sh}
 * imports from its generated OSV corpus. The packages have the names and versions of the project
 * that script generates, so the in-process score compares with its whole-process scan row.
 * <pre>bench/db-bench.sh bin/portcullis 3 &amp;&amp; bench/run-jmh.sh MatchBenchmark</pre>
 * Pass {@code -p database=PATH} for another database file.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class MatchBenchmark {

    private static final int PACKAGES = 1000;

    @Param("target/db-bench/vuln.db")
    public String database;

    private VulnDatabase vulnDatabase;
    private Matcher matcher;
    private Inventory inventory;

    @Setup(Level.Trial)
    public void open() throws VulnDbException {
        Path file = Path.of(database);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file.toAbsolutePath()
                    + " does not exist; run bench/db-bench.sh first or pass -p database=PATH");
        }
        vulnDatabase = VulnDatabase.open(file);
        matcher = new Matcher(vulnDatabase);
        List<Package> packages = new ArrayList<>();
        for (int number = 0; number < PACKAGES; number++) {
            // The same versions as gen-bench-data.py writes into the project's package.json files.
            String name = "bench-pkg-" + number;
            String version = (number % 10) + "." + (number % 31) + "." + (number % 51);
            packages.add(new Package(PackageType.NPM, name, version, null, null, "pkg:npm/" + name + "@" + version,
                    "javascript-package-cataloger", List.of("/node_modules/" + name + "/package.json"), List.of(),
                    null, List.of(), Map.of()));
        }
        inventory = new Inventory(null, null, packages, List.of(), Instant.EPOCH, "bench");
    }

    @TearDown(Level.Trial)
    public void close() {
        vulnDatabase.close();
    }

    /** Looks up and compares every package of the inventory; the result contains the findings. */
    @Benchmark
    public MatchResult matchInventory() {
        return matcher.match(inventory);
    }
}
