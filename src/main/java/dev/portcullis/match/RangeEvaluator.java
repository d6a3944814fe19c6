package dev.portcullis.match;

import dev.portcullis.version.Constraint;
import dev.portcullis.version.OsvRange;
import dev.portcullis.version.VersionList;
import dev.portcullis.version.VersionScheme;
import dev.portcullis.vulndb.Affected;
import dev.portcullis.vulndb.RangeEvent;
import dev.portcullis.vulndb.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates an affected entry's OSV ranges and version list for one version.
 *
 * <p>Example: entry {@code npm lodash, introduced 0, fixed 4.17.19} and version {@code 4.17.15}
 * give an open verdict {@code fixed in 4.17.19} with the explanation
 * {@code npm lodash 4.17.15 < fixed 4.17.19 (semver comparator)}.
 *
 * @see <a href="https://ossf.github.io/osv-schema/#evaluation">OSV schema: evaluation</a>
 */
final class RangeEvaluator {

    private RangeEvaluator() {}

    /**
     * Returns the verdict, or empty when the entry has no range this tool can compare.
     *
     * @param label what is compared, for example {@code npm lodash}
     * @throws dev.portcullis.version.InvalidVersionException when the version or a range version
     *     cannot be read under the range's scheme
     */
    static Optional<Verdict> evaluate(Affected entry, String version, VersionScheme packageScheme, String label) {
        boolean comparable = false;
        for (VersionRange range : entry.ranges()) {
            Optional<VersionScheme> scheme = Schemes.of(range);
            if (scheme.isEmpty()) {
                continue;
            }
            comparable = true;
            if (toConstraint(range, scheme.get()).contains(version)) {
                return Optional.of(open(entry, version, range, scheme.get(), label));
            }
        }
        if (!entry.versions().isEmpty()) {
            comparable = true;
            if (new VersionList(packageScheme, entry.versions()).contains(version)) {
                return Optional.of(Verdict.open(FixState.NOT_FIXED, "no fix listed", List.of(),
                        label + " " + version + " is listed as affected (" + Schemes.comparator(packageScheme) + ")"));
            }
        }
        if (!comparable) {
            return Optional.empty();
        }
        return Optional.of(Verdict.closed(label + " " + version + " is outside every affected range ("
                + Schemes.comparator(packageScheme) + ")"));
    }

    private static Verdict open(Affected entry, String version, VersionRange range, VersionScheme scheme, String label) {
        List<String> fixed = fixedAbove(range, version, scheme);
        String comparator = " (" + Schemes.comparator(scheme) + ")";
        if (fixed.isEmpty()) {
            return Verdict.open(FixState.NOT_FIXED, "no fix", List.of(),
                    label + " " + version + " in " + events(range) + ", no fix" + comparator);
        }
        return Verdict.open(FixState.FIXED, "fixed in " + fixed.getFirst(), fixed,
                label + " " + version + " < fixed " + fixed.getFirst() + comparator);
    }

    /** Returns the range's fixed versions above the installed one, lowest first. */
    static List<String> fixedAbove(VersionRange range, String version, VersionScheme scheme) {
        List<String> fixed = new ArrayList<>();
        for (RangeEvent event : range.events()) {
            if (event.kind() == RangeEvent.Kind.FIXED && scheme.isValid(event.version())
                    && scheme.compare(event.version(), version) > 0) {
                fixed.add(event.version());
            }
        }
        fixed.sort(scheme::compare);
        return fixed;
    }

    static Constraint toConstraint(VersionRange range, VersionScheme scheme) {
        List<OsvRange.Event> events = new ArrayList<>();
        for (RangeEvent event : range.events()) {
            events.add(switch (event.kind()) {
                case INTRODUCED -> new OsvRange.Introduced(event.version());
                case FIXED -> new OsvRange.Fixed(event.version());
                case LAST_AFFECTED -> new OsvRange.LastAffected(event.version());
                case LIMIT -> new OsvRange.Limit(event.version());
            });
        }
        return new OsvRange(scheme, events);
    }

    private static String events(VersionRange range) {
        return String.join(", ", range.events().stream().map(e -> e.kind().osvName() + " " + e.version()).toList());
    }
}
