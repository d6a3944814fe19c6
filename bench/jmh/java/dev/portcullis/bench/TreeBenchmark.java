package dev.portcullis.bench;

import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.ReadProgress;
import dev.portcullis.image.Skipped;
import dev.portcullis.image.layer.LayerCheck;
import dev.portcullis.image.layer.LayerReader;
import dev.portcullis.image.tree.ContentStore;
import dev.portcullis.image.tree.EntryHeader;
import dev.portcullis.image.tree.MergedTree;
import dev.portcullis.image.tree.RecordedLayer;
import dev.portcullis.image.tree.StoredContent;
import dev.portcullis.image.tree.TreeBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Measures the merged file tree on {@link GeneratedLayers}: building it from entry headers, reading
 * the layers as tar streams into it, and the lookups catalogers make (globs, link resolution, a full
 * walk). Run it with {@code bench/run-jmh.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class TreeBenchmark {

    private static final FileRequest REQUEST = FileRequest.globs("/var/lib/dpkg/status", "/var/lib/dpkg/info/*.list",
            "**/package.json");

    private List<List<EntryHeader>> headers;
    private List<byte[]> tars;
    private MergedTree tree;
    private Path tempDirectory;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        headers = GeneratedLayers.headers();
        tars = GeneratedLayers.tars();
        tempDirectory = Files.createTempDirectory("portcullis-jmh-");
        tree = buildTree();
    }

    @TearDown(Level.Trial)
    public void removeTempDirectory() throws IOException {
        Files.deleteIfExists(tempDirectory);
    }

    /** Merges the three layers from entry headers: whiteouts, parents, requested content, link checks. */
    @Benchmark
    public MergedTree buildTree() throws IOException {
        TreeBuilder builder = new TreeBuilder(REQUEST, new ArrayList<>());
        for (int index = 0; index < headers.size(); index++) {
            builder.startLayer(index, "layer " + index);
            for (EntryHeader header : headers.get(index)) {
                builder.add(header, () -> new StoredContent.InMemory(GeneratedLayers.content(header)));
            }
            builder.finishLayer();
        }
        return builder.build();
    }

    /** Reads the layers as uncompressed tars through the layer reader, recorded and then merged in order. */
    @Benchmark
    public MergedTree readLayers() throws ImageException {
        List<Skipped> skipped = new ArrayList<>();
        LayerReader reader = new LayerReader(new ContentStore(tempDirectory, 1024 * 1024), ReadProgress.NONE);
        TreeBuilder builder = new TreeBuilder(REQUEST, skipped);
        for (int index = 0; index < tars.size(); index++) {
            RecordedLayer layer = new RecordedLayer(REQUEST);
            reader.read(new ByteArrayInputStream(tars.get(index)), new LayerCheck("layer " + index, null, null), layer);
            builder.startLayer(index, "layer " + index);
            layer.applyTo(builder);
            builder.finishLayer();
        }
        return builder.build();
    }

    @Benchmark
    public List<FileEntry> globPackageJson() {
        return tree.glob("**/node_modules/**/package.json");
    }

    @Benchmark
    public List<FileEntry> globDpkgLists() {
        return tree.glob("/var/lib/dpkg/info/*.list");
    }

    /** Resolves 500 two-link chains into {@code /usr/bin}, and the links there into the package folders. */
    @Benchmark
    public void resolveLinks(Blackhole blackhole) {
        for (int i = 0; i < GeneratedLayers.BASE_PACKAGES; i += 2) {
            blackhole.consume(tree.find("/opt/links/a" + i));
        }
    }

    @Benchmark
    public long walkEntries() {
        long bytes = 0;
        for (FileEntry entry : tree.entries()) {
            bytes += entry.size();
        }
        return bytes;
    }
}
