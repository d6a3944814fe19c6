package dev.portcullis.version;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A peer-table row where we expect another result than the file states, with the reason.
 *
 * @param first the version (compare tables: column a; constraint table: the version)
 * @param second column b, or the constraint text
 * @param expected what we expect: -1, 0, 1, true, false or "invalid"
 */
record Deviation(String ecosystem, String first, String second, String expected, String reason) {

    static Map<String, Deviation> table(Deviation... deviations) {
        return Arrays.stream(deviations).collect(Collectors.toMap(Deviation::key, Function.identity()));
    }

    static String key(PeerRow row) {
        return row.ecosystem() + "\t" + row.column(1) + "\t" + row.column(2);
    }

    String key() {
        return ecosystem + "\t" + first + "\t" + second;
    }
}
