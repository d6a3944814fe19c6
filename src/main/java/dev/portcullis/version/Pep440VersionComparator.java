package dev.portcullis.version;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * PEP 440 ordering: versatile orders the public version (epoch, release, pre, post and dev
 * releases, with normalization such as {@code 1.0alpha1 = 1.0a1}); the local label after
 * {@code +} is ordered here, because versatile misorders local labels ({@code 1.2+abc} should
 * be lower than {@code 1.2+123456}, since a numeric segment outranks a word).
 *
 * <p>Example: {@code 1.0.dev1 < 1.0a1 < 1.0 < 1.0+local.7 < 1.0.post1 < 1!0.5}.
 *
 * @see <a href="https://packaging.python.org/en/latest/specifications/version-specifiers/">Version
 *     specifiers</a>
 */
final class Pep440VersionComparator implements VersionComparator {

    private static final String SCHEME = "pypi";

    @Override
    public int compare(String a, String b) {
        validate(a);
        validate(b);
        int byPublic = VersatileVersions.parse(SCHEME, publicPart(a))
                .compareTo(VersatileVersions.parse(SCHEME, publicPart(b)));
        if (byPublic != 0) {
            return byPublic;
        }
        return compareLocal(localSegments(a), localSegments(b));
    }

    @Override
    public void validate(String version) {
        VersatileVersions.parse(SCHEME, publicPart(version));
        String local = localPart(version);
        if (local != null && !local.matches("[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*")) {
            throw new InvalidVersionException(SCHEME, version,
                    "local version label must be letters and digits separated by '.', '-' or '_'");
        }
    }

    /** Returns the version without its local label: {@code 1.0+ubuntu1} gives {@code 1.0}. */
    static String publicPart(String version) {
        String text = version.strip();
        int plus = text.indexOf('+');
        return plus < 0 ? text : text.substring(0, plus);
    }

    /** Returns whether the version carries a local label ({@code +...}). */
    static boolean hasLocal(String version) {
        return localPart(version) != null;
    }

    private static String localPart(String version) {
        String text = version.strip();
        int plus = text.indexOf('+');
        return plus < 0 ? null : text.substring(plus + 1);
    }

    private static List<String> localSegments(String version) {
        String local = localPart(version);
        return local == null ? List.of() : List.of(local.toLowerCase(Locale.ROOT).split("[-_.]"));
    }

    // A numeric segment is higher than an alphanumeric one; more segments win when the shared
    // ones are equal, so any local label is higher than none.
    private static int compareLocal(List<String> left, List<String> right) {
        for (int index = 0; index < Math.min(left.size(), right.size()); index++) {
            String a = left.get(index);
            String b = right.get(index);
            boolean aNumeric = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
            boolean bNumeric = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
            int order;
            if (aNumeric && bNumeric) {
                order = new BigInteger(a).compareTo(new BigInteger(b));
            } else if (aNumeric != bNumeric) {
                order = aNumeric ? 1 : -1;
            } else {
                order = a.compareTo(b);
            }
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}
