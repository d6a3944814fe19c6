package dev.portcullis.audit.compose;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import dev.portcullis.audit.compose.YamlNode.YamlList;
import dev.portcullis.audit.compose.YamlNode.YamlMap;
import dev.portcullis.audit.compose.YamlNode.YamlScalar;
import dev.portcullis.audit.container.ContainerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads compose files as {@code docker compose -f a.yml -f b.yml} does: interpolates each file with the
 * caller's environment over the env file, merges the files in order, resolves {@code extends} (in the same
 * file or another one), applies profiles, and maps each service to its run settings.
 *
 * <pre>{@code
 * services:
 *   web:                                  -> ContainerSpec "web", origin compose.yaml:2
 *     image: nginx:1.27
 *     ports: ["8080:80"]                  -> port 8080->80 on all interfaces, compose.yaml:4
 * }</pre>
 *
 * @see <a href="https://github.com/compose-spec/compose-spec/blob/main/spec.md">Compose Specification</a>
 */
public final class ComposeLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeLoader.class);
    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of("version", "name", "services", "networks", "volumes", "secrets", "configs", "include", "models");
    private static final int MAX_EXTENDS_DEPTH = 20;

    private final ComposeOptions options;
    private final List<AuditWarning> warnings = new ArrayList<>();
    private final Map<Path, YamlMap> extendedFiles = new HashMap<>();
    private Interpolator interpolator;

    public ComposeLoader(ComposeOptions options) {
        this.options = options;
    }

    /**
     * Loads and merges {@code files}.
     *
     * @throws AuditInputException when a file is not YAML or not a compose mapping, a required variable is
     *     missing, or no file defines a service
     */
    public ComposeProject load(List<Path> files) throws AuditInputException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no compose file given");
        }
        interpolator = new Interpolator(variables(files.getFirst()), warnings);
        YamlMap merged = null;
        for (Path file : files) {
            YamlMap root = readComposeFile(file);
            merged = merged == null ? root : (YamlMap) ComposeMerger.merge(merged, root, "");
        }
        YamlMap services = merged.get("services") instanceof YamlMap map ? map : null;
        if (services == null || services.entries().isEmpty()) {
            throw new AuditInputException(SourceLocation.of(files.getFirst().toString()),
                    "the compose file defines no services, so there is nothing to audit");
        }
        Set<String> internalNetworks = internalNetworks(merged.get("networks"));
        List<ContainerSpec> containers = new ArrayList<>();
        for (Map.Entry<String, YamlNode> entry : services.entries().entrySet()) {
            if (!(entry.getValue() instanceof YamlMap service)) {
                warnings.add(new AuditWarning(services.keyLocation(entry.getKey()),
                        "service " + entry.getKey() + " is not a mapping and is skipped"));
                continue;
            }
            YamlMap resolved = resolveExtends(entry.getKey(), service, services, 0);
            if (isActive(resolved)) {
                containers.add(new ComposeServiceMapper(entry.getKey(), services.keyLocation(entry.getKey()),
                        internalNetworks, warnings).map(resolved));
            }
        }
        LOG.debug("Loaded {} from {}", containers.size() == 1 ? "1 service" : containers.size() + " services", files);
        return new ComposeProject(containers, warnings);
    }

    private Map<String, String> variables(Path firstFile) throws AuditInputException {
        Map<String, String> variables = new HashMap<>();
        Path envFile = options.envFile();
        if (envFile == null) {
            Path beside = firstFile.toAbsolutePath().getParent().resolve(".env");
            envFile = Files.isRegularFile(beside) ? beside : null;
        } else if (!Files.isRegularFile(envFile)) {
            throw new AuditInputException(SourceLocation.of(envFile.toString()), "the env file does not exist");
        }
        if (envFile != null) {
            variables.putAll(DotEnvFile.read(envFile, warnings));
        }
        variables.putAll(options.environment());
        return variables;
    }

    private YamlMap readComposeFile(Path file) throws AuditInputException {
        if (!Files.isRegularFile(file)) {
            throw new AuditInputException(SourceLocation.of(file.toString()), "the compose file does not exist");
        }
        YamlNode root = new YamlReader(file.toString(), interpolator).read(file);
        if (!(root instanceof YamlMap map)) {
            throw new AuditInputException(root.location(), "not a compose file: expected a mapping with a services"
                    + " key at the top level, found " + (root instanceof YamlList ? "a list" : "a scalar"));
        }
        for (String key : map.entries().keySet()) {
            if (key.equals("version")) {
                warnings.add(new AuditWarning(map.keyLocation(key), "the top-level key version is obsolete and ignored"));
            } else if (!TOP_LEVEL_KEYS.contains(key) && !key.startsWith("x-")) {
                warnings.add(new AuditWarning(map.keyLocation(key), "unknown top-level key " + key + " is ignored"));
            }
        }
        YamlNode services = map.get("services");
        if (services != null && !(services instanceof YamlMap) && !(services instanceof YamlScalar s && s.isNull())) {
            throw new AuditInputException(services.location(), "services must be a mapping of names to"
                    + " service definitions");
        }
        if (map.get("include") != null) {
            // TODO: load files named by include; their services are not audited yet.
            warnings.add(new AuditWarning(map.keyLocation("include"), "include is not read; audit those files too"));
        }
        return map;
    }

    private YamlMap resolveExtends(String name, YamlMap service, YamlMap services, int depth)
            throws AuditInputException {
        YamlNode extendsNode = service.get("extends");
        if (extendsNode == null) {
            return service;
        }
        SourceLocation at = service.keyLocation("extends");
        if (depth >= MAX_EXTENDS_DEPTH) {
            throw new AuditInputException(at, "extends of service " + name + " nests more than " + MAX_EXTENDS_DEPTH
                    + " levels; is there a cycle?");
        }
        String baseName = null;
        String file = null;
        if (extendsNode instanceof YamlScalar scalar) {
            baseName = scalar.value();
        } else if (extendsNode instanceof YamlMap map) {
            baseName = map.get("service") instanceof YamlScalar s ? s.value() : null;
            file = map.get("file") instanceof YamlScalar f ? f.value() : null;
        }
        YamlMap withoutExtends = without(service, "extends");
        if (baseName == null) {
            warnings.add(new AuditWarning(at, "extends of service " + name + " names no service and is ignored"));
            return withoutExtends;
        }
        YamlMap baseServices = services;
        if (file != null) {
            Path parent = Path.of(at.file()).getParent();
            Path path = (parent == null ? Path.of(file) : parent.resolve(file)).normalize();
            baseServices = servicesOf(path, at);
            if (baseServices == null) {
                return withoutExtends;
            }
        }
        if (!(baseServices.get(baseName) instanceof YamlMap base)) {
            warnings.add(new AuditWarning(at, "extends names service " + baseName + ", which "
                    + (file == null ? "this file" : file) + " does not define; it is ignored"));
            return withoutExtends;
        }
        YamlMap resolvedBase = resolveExtends(baseName, base, baseServices, depth + 1);
        return (YamlMap) ComposeMerger.merge(resolvedBase, withoutExtends, "");
    }

    private YamlMap servicesOf(Path path, SourceLocation at) throws AuditInputException {
        if (!extendedFiles.containsKey(path)) {
            if (!Files.isRegularFile(path)) {
                warnings.add(new AuditWarning(at, "extends file " + path + " does not exist; the service is audited"
                        + " without its base"));
                return null;
            }
            YamlNode root = new YamlReader(path.toString(), interpolator).read(path);
            extendedFiles.put(path, root instanceof YamlMap map && map.get("services") instanceof YamlMap s ? s
                    : new YamlMap(Map.of(), Map.of(), root.location(), null));
        }
        return extendedFiles.get(path);
    }

    private boolean isActive(YamlMap service) {
        if (options.profiles().isEmpty() || !(service.get("profiles") instanceof YamlList profiles)) {
            return true;
        }
        return profiles.items().stream()
                .anyMatch(p -> p instanceof YamlScalar s && options.profiles().contains(s.value()));
    }

    private static Set<String> internalNetworks(YamlNode networks) {
        Set<String> internal = new LinkedHashSet<>();
        if (networks instanceof YamlMap map) {
            map.entries().forEach((name, definition) -> {
                if (definition instanceof YamlMap network && network.get("internal") instanceof YamlScalar flag
                        && "true".equalsIgnoreCase(flag.value())) {
                    internal.add(name);
                }
            });
        }
        return internal;
    }

    private static YamlMap without(YamlMap map, String key) {
        Map<String, YamlNode> entries = new LinkedHashMap<>(map.entries());
        Map<String, SourceLocation> locations = new LinkedHashMap<>(map.keyLocations());
        entries.remove(key);
        locations.remove(key);
        return new YamlMap(entries, locations, map.location(), map.tag());
    }
}
