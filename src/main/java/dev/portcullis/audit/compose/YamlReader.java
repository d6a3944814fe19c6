package dev.portcullis.audit.compose;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.compose.YamlNode.YamlList;
import dev.portcullis.audit.compose.YamlNode.YamlMap;
import dev.portcullis.audit.compose.YamlNode.YamlScalar;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one YAML 1.2 document (snakeyaml-engine) into {@link YamlNode}s that keep each node's line, expanding
 * aliases and {@code <<} merge keys and interpolating scalar values when an {@link Interpolator} is given.
 *
 * <p>Alias bombs ("billion laughs") are rejected twice: the parser allows at most
 * {@value #MAX_ALIASES_FOR_COLLECTIONS} aliases of collections and no recursive keys, and the expansion
 * stops past {@value #MAX_EXPANDED_NODES} nodes.
 *
 * @see <a href="https://yaml.org/spec/1.2.2/">YAML 1.2.2</a>
 */
public final class YamlReader {

    static final int MAX_ALIASES_FOR_COLLECTIONS = 100;
    static final int MAX_EXPANDED_NODES = 200_000;
    private static final int MAX_FILE_CHARACTERS = 10 * 1024 * 1024;

    private final String label;
    private final Interpolator interpolator;
    private final String syntaxName;
    private int expandedNodes;

    /**
     * @param label the file name printed in locations
     * @param interpolator replaces variables in scalar values, or null to keep values as written
     */
    public YamlReader(String label, Interpolator interpolator) {
        this(label, interpolator, "YAML");
    }

    /**
     * @param syntaxName the format named in error messages, {@code JSON} for a JSON file read as YAML
     */
    public YamlReader(String label, Interpolator interpolator, String syntaxName) {
        this.label = label;
        this.interpolator = interpolator;
        this.syntaxName = syntaxName;
    }

    /** Reads the file at {@code path}. */
    public YamlNode read(Path path) throws AuditInputException {
        SourceLocation fileLocation = SourceLocation.of(label);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new AuditInputException(fileLocation, "not a " + syntaxName + " file: the content is not UTF-8 text");
        } catch (IOException e) {
            throw new AuditInputException(fileLocation, "cannot read the file: " + e.getMessage(), e);
        }
        return readText(text);
    }

    /** Reads YAML text. */
    public YamlNode readText(String text) throws AuditInputException {
        LoadSettings settings = LoadSettings.builder().setLabel(label)
                .setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setCodePointLimit(MAX_FILE_CHARACTERS)
                .build();
        Optional<Node> root;
        try (Reader reader = new StringReader(text)) {
            root = new Compose(settings).composeReader(reader);
        } catch (MarkedYamlEngineException e) {
            SourceLocation at = e.getProblemMark().or(e::getContextMark).map(this::locate)
                    .orElse(SourceLocation.of(label));
            throw new AuditInputException(at, "invalid " + syntaxName + ": " + firstLine(e.getProblem()));
        } catch (YamlEngineException e) {
            throw new AuditInputException(SourceLocation.of(label), "invalid " + syntaxName + ": " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new AuditInputException(SourceLocation.of(label), "cannot read the file: " + e.getMessage(), e);
        }
        if (root.isEmpty()) {
            throw new AuditInputException(SourceLocation.of(label), "the file is empty");
        }
        return convert(root.get());
    }

    private YamlNode convert(Node node) throws AuditInputException {
        SourceLocation location = node.getStartMark().map(this::locate).orElse(SourceLocation.of(label));
        if (++expandedNodes > MAX_EXPANDED_NODES) {
            throw new AuditInputException(location, "the YAML expands to more than " + MAX_EXPANDED_NODES
                    + " nodes through aliases; an alias bomb is not read");
        }
        String tag = node.getTag().getValue().startsWith("!") ? node.getTag().getValue() : null;
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar, location, tag);
            case SequenceNode sequence -> {
                List<YamlNode> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    items.add(convert(item));
                }
                yield new YamlList(items, location, tag);
            }
            case MappingNode mapping -> mapping(mapping, location, tag);
            default -> throw new AuditInputException(location, "unsupported YAML node " + node.getNodeType());
        };
    }

    private YamlScalar scalar(ScalarNode scalar, SourceLocation location, String tag) throws AuditInputException {
        if (scalar.getTag().equals(Tag.NULL)) {
            return new YamlScalar(null, null, location, tag);
        }
        String written = scalar.getValue();
        String value = interpolator == null ? written : interpolator.interpolate(written, location);
        return new YamlScalar(value, written, location, tag);
    }

    private YamlMap mapping(MappingNode mapping, SourceLocation location, String tag) throws AuditInputException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keyLocations = new LinkedHashMap<>();
        List<YamlMap> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            SourceLocation keyLocation = tuple.getKeyNode().getStartMark().map(this::locate).orElse(location);
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new AuditInputException(keyLocation, "a mapping key must be a scalar");
            }
            YamlNode value = convert(tuple.getValueNode());
            if (key.getValue().equals("<<")) {
                collectMergeSources(value, merged, keyLocation);
                continue;
            }
            if (entries.containsKey(key.getValue())) {
                // The composer does not apply setAllowDuplicateKeys, which only the constructor reads.
                throw new AuditInputException(keyLocation, "invalid " + syntaxName + ": found duplicate key "
                        + key.getValue() + ", first defined on line " + keyLocations.get(key.getValue()).line());
            }
            entries.put(key.getValue(), value);
            keyLocations.put(key.getValue(), keyLocation);
        }
        // Merge keys add entries the mapping does not set itself, the first source winning.
        for (YamlMap source : merged) {
            source.entries().forEach((key, value) -> {
                if (!entries.containsKey(key)) {
                    entries.put(key, value);
                    keyLocations.put(key, source.keyLocation(key));
                }
            });
        }
        return new YamlMap(entries, keyLocations, location, tag);
    }

    private static void collectMergeSources(YamlNode value, List<YamlMap> merged, SourceLocation at)
            throws AuditInputException {
        switch (value) {
            case YamlMap map -> merged.add(map);
            case YamlList list -> {
                for (YamlNode item : list.items()) {
                    collectMergeSources(item, merged, at);
                }
            }
            case YamlScalar scalar -> throw new AuditInputException(at, "the << merge key needs a mapping");
        }
    }

    private SourceLocation locate(Mark mark) {
        return new SourceLocation(label, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable content";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
