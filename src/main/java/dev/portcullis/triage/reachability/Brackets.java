package dev.portcullis.triage.reachability;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** Pairs the brackets of a token list. */
final class Brackets {

    private Brackets() {}

    /**
     * Returns, for each token index, the index of its partner bracket, or -1 for a token that is no bracket
     * or has no partner. A mismatched closing bracket leaves both sides unpaired.
     */
    static int[] match(List<JsToken> tokens) {
        int[] matching = new int[tokens.size()];
        Arrays.fill(matching, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            JsToken token = tokens.get(i);
            if (token.kind() != JsToken.Kind.PUNCTUATOR) {
                continue;
            }
            switch (token.text()) {
                case "(", "[", "{" -> open.push(i);
                case ")", "]", "}" -> {
                    if (!open.isEmpty() && pairs(tokens.get(open.peek()).text(), token.text())) {
                        int start = open.pop();
                        matching[start] = i;
                        matching[i] = start;
                    }
                }
                default -> { }
            }
        }
        return matching;
    }

    private static boolean pairs(String open, String close) {
        return open.equals("(") && close.equals(")") || open.equals("[") && close.equals("]")
                || open.equals("{") && close.equals("}");
    }
}
