package dev.portcullis.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lenient ordering for versions whose scheme is unknown: dotted numbers, then an optional
 * pre-release label, then optional build metadata that is ignored.
 *
 * <p>Missing numbers count as zero ({@code 2 = 2.0.0}); a pre-release sorts before its release;
 * the label may follow a hyphen, a dot or the last number directly, so {@code 1.0.0.rc1},
 * {@code 1.0.0-rc1} and {@code 1.0.0rc1} are equal. Labels are compared by runs of digits
 * (numerically) and letters (case-insensitively), digits first, as in Semantic Versioning.
 *
 * <p>Example: {@code 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0 = 1.0 < 1.0.1}.
 */
final class GenericVersionComparator implements VersionComparator {

    private static final String SCHEME = "generic";

    private static final Pattern VERSION = Pattern.compile(
            "[vV]?(\\d+(?:\\.\\d+)*)(?:[-.]?([0-9A-Za-z][0-9A-Za-z.\\-~_]*?))?(?:\\+[0-9A-Za-z.\\-~_]*)?");
    private static final Pattern LABEL_TOKEN = Pattern.compile("\\d+|[a-zA-Z]+");

    private record Parts(List<BigInteger> release, List<String> label) {}

    @Override
    public int compare(String a, String b) {
        Parts left = parse(a);
        Parts right = parse(b);
        int size = Math.max(left.release().size(), right.release().size());
        for (int index = 0; index < size; index++) {
            BigInteger l = index < left.release().size() ? left.release().get(index) : BigInteger.ZERO;
            BigInteger r = index < right.release().size() ? right.release().get(index) : BigInteger.ZERO;
            int order = l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
        return compareLabels(left.label(), right.label());
    }

    @Override
    public void validate(String version) {
        parse(version);
    }

    private static Parts parse(String version) {
        Matcher matcher = VERSION.matcher(version.strip());
        if (!matcher.matches()) {
            throw new InvalidVersionException(SCHEME, version,
                    "expected dotted numbers with an optional label, for example 1.2.3 or 1.2.3-rc1");
        }
        List<BigInteger> release = new ArrayList<>();
        for (String number : matcher.group(1).split("\\.")) {
            release.add(new BigInteger(number));
        }
        List<String> label = new ArrayList<>();
        if (matcher.group(2) != null) {
            Matcher token = LABEL_TOKEN.matcher(matcher.group(2));
            while (token.find()) {
                label.add(token.group().toLowerCase(Locale.ROOT));
            }
        }
        return new Parts(release, label);
    }

    private static int compareLabels(List<String> left, List<String> right) {
        if (left.isEmpty() || right.isEmpty()) {
            return Boolean.compare(left.isEmpty(), right.isEmpty());
        }
        for (int index = 0; index < Math.min(left.size(), right.size()); index++) {
            String l = left.get(index);
            String r = right.get(index);
            boolean lNumeric = Character.isDigit(l.charAt(0));
            boolean rNumeric = Character.isDigit(r.charAt(0));
            int order;
            if (lNumeric && rNumeric) {
                order = new BigInteger(l).compareTo(new BigInteger(r));
            } else if (lNumeric != rNumeric) {
                order = lNumeric ? -1 : 1;
            } else {
                order = l.compareTo(r);
            }
            if (order != 0) {
                return Integer.signum(order);
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}
