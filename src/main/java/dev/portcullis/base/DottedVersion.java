package dev.portcullis.base;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Compares release versions made of dot-separated numbers ({@code 20.18.0}, {@code 3.20}) by their
 * numbers, a missing number counting as zero. Any text after the numbers ({@code _7} of a Temurin
 * build, {@code -rc1}) is ignored. Lifecycle versions have no pre-release forms, so this suffices here.
 */
final class DottedVersion {

    static final Comparator<String> ORDER = Comparator.comparing(DottedVersion::numbers, DottedVersion::compare);

    private DottedVersion() {}

    /** Returns whether the text starts with a number. */
    static boolean isVersion(String text) {
        return text != null && !text.isEmpty() && Character.isDigit(text.charAt(0));
    }

    /** Returns the leading numbers, for example [20, 18, 0] for {@code 20.18.0}. */
    static int[] numbers(String version) {
        String numeric = version.replaceFirst("^(\\d+(?:\\.\\d+)*).*$", "$1");
        if (!isVersion(numeric)) {
            return new int[0];
        }
        return Arrays.stream(numeric.split("\\.")).mapToInt(DottedVersion::parse).toArray();
    }

    /** Returns the release line of a version: its first {@code depth} numbers joined by dots. */
    static String line(String version, int depth) {
        int[] numbers = numbers(version);
        return String.join(".", Arrays.stream(numbers).limit(depth).mapToObj(Integer::toString).toList());
    }

    private static int parse(String number) {
        // Numbers longer than an int are not release numbers, so clamping them only keeps the order total.
        return number.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(number);
    }

    private static int compare(int[] left, int[] right) {
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int difference = Integer.compare(i < left.length ? left[i] : 0, i < right.length ? right[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }
}
