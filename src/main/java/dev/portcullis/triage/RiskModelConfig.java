package dev.portcullis.triage;

import dev.portcullis.match.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The settings of {@link RiskModel}, read from YAML. The defaults are
 * {@code dev/portcullis/triage/risk-model.yaml} on the classpath; a file passed by the user
 * overrides the keys it names.
 *
 * @param severity the starting level for each displayed severity
 * @param kevRaise steps a KEV listing raises the level
 * @param kevFloor the lowest level of a KEV-listed finding whose verdict is not proven
 * @param epssThreshold the EPSS estimate at or above which the level is raised
 * @param epssRaise steps a high EPSS estimate raises the level
 * @param provenLevel the level of NOT_AFFECTED and ALREADY_PATCHED findings, by verdict
 * @param verdictSteps steps by verdict for the others; key {@code low_risk_distro} or
 *     {@code low_risk_context} for LOW_RISK
 */
public record RiskModelConfig(Map<Level, RiskLevel> severity, int kevRaise, RiskLevel kevFloor, double epssThreshold,
        int epssRaise, Map<VerdictKind, RiskLevel> provenLevel, Map<String, Integer> verdictSteps) {

    private static final String DEFAULTS = "/dev/portcullis/triage/risk-model.yaml";

    public static RiskModelConfig defaults() {
        try (InputStream in = RiskModelConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULTS);
            }
            return parse(DEFAULTS, new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
    }

    /** Reads a user's file over the defaults. */
    public static RiskModelConfig read(Path file) throws IOException {
        String text = Files.readString(file);
        try (InputStream in = RiskModelConfig.class.getResourceAsStream(DEFAULTS)) {
            Map<String, Object> base = load(DEFAULTS, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return parse(file.toString(), text, base);
        }
    }

    private static RiskModelConfig parse(String location, String text, Map<String, Object> base) {
        Map<String, Object> root = new java.util.HashMap<>(base);
        Map<String, Object> user = load(location, text);
        user.forEach((key, value) -> {
            if (value instanceof Map<?, ?> section && root.get(key) instanceof Map<?, ?> defaults) {
                Map<Object, Object> merged = new java.util.HashMap<>(defaults);
                merged.putAll(section);
                root.put(key, merged);
            } else {
                root.put(key, value);
            }
        });
        try {
            Map<?, ?> severities = section(root, "severity");
            Map<Level, RiskLevel> severity = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                severity.put(level, RiskLevel.parse(String.valueOf(severities.get(level.word()))));
            }
            Map<?, ?> verdicts = section(root, "verdict");
            Map<VerdictKind, RiskLevel> proven = new EnumMap<>(VerdictKind.class);
            proven.put(VerdictKind.NOT_AFFECTED, RiskLevel.parse(String.valueOf(verdicts.get("not_affected"))));
            proven.put(VerdictKind.ALREADY_PATCHED, RiskLevel.parse(String.valueOf(verdicts.get("already_patched"))));
            Map<String, Integer> steps = new java.util.HashMap<>();
            for (String key : java.util.List.of("upstream_pending", "low_risk_distro", "low_risk_context", "affected")) {
                steps.put(key, ((Number) verdicts.get(key)).intValue());
            }
            Map<?, ?> kev = section(root, "kev");
            Map<?, ?> epss = section(root, "epss");
            return new RiskModelConfig(severity, ((Number) kev.get("raise")).intValue(),
                    RiskLevel.parse(String.valueOf(kev.get("floor"))), ((Number) epss.get("threshold")).doubleValue(),
                    ((Number) epss.get("raise")).intValue(), proven, steps);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid risk model " + location + ": " + e.getMessage()
                    + "; compare it with the defaults in docs/triage.md", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String location, String text) {
        try {
            Object document = new Load(LoadSettings.builder().setLabel(location).build()).loadFromString(text);
            return document instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("invalid YAML in risk model " + location + ": " + e.getMessage(), e);
        }
    }

    private static Map<?, ?> section(Map<String, Object> root, String key) {
        if (root.get(key) instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("missing section '" + key.toLowerCase(Locale.ROOT) + "'");
    }
}
