package dev.portcullis.triage.vex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads VEX documents of any supported format, detected by content: OpenVEX ({@code @context} on
 * openvex.dev), CycloneDX ({@code bomFormat}) or CSAF ({@code document.csaf_version}).
 */
public final class VexDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VexDocuments() {}

    /** Reads one document. */
    public static List<VexStatement> read(Path file) throws VexException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new VexException("invalid JSON in VEX document " + file + ": " + e.getOriginalMessage()
                    + "; pass an OpenVEX, CycloneDX or CSAF VEX JSON file", e);
        } catch (IOException e) {
            throw new VexException("cannot read VEX document " + file + ": " + e.getMessage(), e);
        }
        String name = file.toString();
        if (root != null && OpenVexReader.accepts(root)) {
            return OpenVexReader.read(name, root);
        }
        if (root != null && CycloneDxVexReader.accepts(root)) {
            return CycloneDxVexReader.read(name, root);
        }
        if (root != null && CsafVexReader.accepts(root)) {
            return CsafVexReader.read(name, root);
        }
        throw new VexException(file + " is not a VEX document this version reads; pass OpenVEX (@context"
                + " https://openvex.dev/ns/...), CycloneDX (bomFormat) or CSAF (document.csaf_version) JSON");
    }

    /** Reads every {@code *.json} file of a folder such as {@code .portcullis/vex/}, in name order. */
    public static List<VexStatement> readFolder(Path folder) throws VexException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new VexException("cannot list VEX folder " + folder + ": " + e.getMessage(), e);
        }
        List<VexStatement> statements = new ArrayList<>();
        for (Path file : files) {
            statements.addAll(read(file));
        }
        return statements;
    }
}
