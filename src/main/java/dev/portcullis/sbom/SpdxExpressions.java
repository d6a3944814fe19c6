package dev.portcullis.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks and normalizes SPDX license expressions, so that SBOMs carry only expressions built from listed
 * identifiers, {@code LicenseRef-} identifiers and the SPDX operators.
 *
 * <p>Example: {@code (mit OR Apache-2.0)} normalizes to {@code (MIT OR Apache-2.0)}, while
 * {@code GPL-2+} (a Debian copyright-file name) is rejected. Operators must be upper case. The grammar
 * is in <a href="https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/">SPDX 2.3 Annex D</a>.
 */
public final class SpdxExpressions {

    private static final Pattern LICENSE_REF =
            Pattern.compile("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+");

    private final SpdxLicenseList licenseList;

    public SpdxExpressions(SpdxLicenseList licenseList) {
        this.licenseList = licenseList;
    }

    /** Returns the expression with identifiers spelled as the license list does, or empty if it is invalid. */
    public Optional<String> normalize(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.empty();
        }
        return new Parser(tokenize(expression)).parse();
    }

    /** Tests whether the expression is one license identifier of the list, as opposed to a compound one. */
    public boolean isListedId(String expression) {
        return expression != null && licenseList.canonicalId(expression.strip()).isPresent();
    }

    /**
     * Joins declared licenses into one expression with {@code AND}, because a package that declares
     * several licenses is under all of them.
     *
     * @return the joined expression, or empty when the list is empty or any entry is invalid
     */
    public Optional<String> conjunction(List<String> licenses) {
        List<String> parts = new ArrayList<>();
        for (String license : licenses) {
            Optional<String> normalized = normalize(license);
            if (normalized.isEmpty()) {
                return Optional.empty();
            }
            String part = normalized.get();
            boolean needsGroup = licenses.size() > 1 && part.contains(" ") && !isOneGroup(part);
            parts.add(needsGroup ? "(" + part + ")" : part);
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" AND ", parts.stream().distinct().toList()));
    }

    // True for "(A OR B)" but not for "(A OR B) AND (C OR D)".
    private static boolean isOneGroup(String expression) {
        if (!expression.startsWith("(")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < expression.length(); i++) {
            depth += switch (expression.charAt(i)) {
                case '(' -> 1;
                case ')' -> -1;
                default -> 0;
            };
            if (depth == 0) {
                return i == expression.length() - 1;
            }
        }
        return false;
    }

    private static List<String> tokenize(String expression) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : expression.toCharArray()) {
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    tokens.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    /** Recursive descent over the tokens: {@code or := and (OR and)*}, {@code and := with (AND with)*}. */
    private final class Parser {

        private final List<String> tokens;
        private final StringBuilder out = new StringBuilder();
        private int position;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Optional<String> parse() {
            boolean valid = orExpression() && position == tokens.size();
            return valid ? Optional.of(out.toString()) : Optional.empty();
        }

        private boolean orExpression() {
            if (!andExpression()) {
                return false;
            }
            while (accept("OR")) {
                out.append(" OR ");
                if (!andExpression()) {
                    return false;
                }
            }
            return true;
        }

        private boolean andExpression() {
            if (!withExpression()) {
                return false;
            }
            while (accept("AND")) {
                out.append(" AND ");
                if (!withExpression()) {
                    return false;
                }
            }
            return true;
        }

        private boolean withExpression() {
            if (!primary()) {
                return false;
            }
            if (accept("WITH")) {
                // NOTE: the list mixes licenses and exceptions, so a license id after WITH is not rejected.
                Optional<String> exception = peek().flatMap(licenseList::canonicalId);
                if (exception.isEmpty()) {
                    return false;
                }
                position++;
                out.append(" WITH ").append(exception.get());
            }
            return true;
        }

        private boolean primary() {
            if (accept("(")) {
                out.append('(');
                if (!orExpression() || !accept(")")) {
                    return false;
                }
                out.append(')');
                return true;
            }
            Optional<String> license = peek().flatMap(this::licenseId);
            license.ifPresent(id -> {
                position++;
                out.append(id);
            });
            return license.isPresent();
        }

        private Optional<String> licenseId(String token) {
            if (LICENSE_REF.matcher(token).matches()) {
                return Optional.of(token);
            }
            Optional<String> exact = licenseList.canonicalId(token);
            if (exact.isPresent() || !token.endsWith("+")) {
                return exact;
            }
            return licenseList.canonicalId(token.substring(0, token.length() - 1)).map(id -> id + "+");
        }

        private Optional<String> peek() {
            return position < tokens.size() ? Optional.of(tokens.get(position)) : Optional.empty();
        }

        private boolean accept(String token) {
            if (position < tokens.size() && tokens.get(position).equals(token)) {
                position++;
                return true;
            }
            return false;
        }
    }
}
