package dev.portcullis.audit.secrets;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy of a string, in bits per character, over its code points. */
public final class Entropy {

    private Entropy() {}

    /** Returns the Shannon entropy of {@code text}; 0 for an empty string, 4.0 for 16 distinct characters. */
    public static double bitsPerCharacter(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = text.codePointCount(0, text.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = count / length;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }
}
