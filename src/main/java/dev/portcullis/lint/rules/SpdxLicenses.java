package dev.portcullis.lint.rules;

import java.util.Set;

/** Checks SPDX license expressions against the commonly used identifiers. */
final class SpdxLicenses {

    // TODO: only common SPDX identifiers are known; a rare valid license id is reported as invalid.
    private static final Set<String> IDS = Set.of("0BSD", "AFL-3.0", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later",
            "Apache-1.1", "Apache-2.0", "APSL-2.0", "Artistic-2.0", "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause",
            "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0",
            "CDDL-1.0", "CDDL-1.1", "CPL-1.0", "ECL-2.0", "EPL-1.0", "EPL-2.0", "EUPL-1.1", "EUPL-1.2", "GPL-2.0",
            "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only", "GPL-3.0-or-later", "ISC", "LGPL-2.0",
            "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0",
            "LGPL-3.0-only", "LGPL-3.0-or-later", "MIT", "MIT-0", "MPL-1.1", "MPL-2.0", "MS-PL", "MS-RL", "NCSA",
            "OFL-1.1", "OpenSSL", "PHP-3.01", "PostgreSQL", "Python-2.0", "Ruby", "Unicode-DFS-2016", "Unlicense",
            "UPL-1.0", "W3C", "WTFPL", "X11", "Zlib", "ZPL-2.1", "Classpath-exception-2.0", "LLVM-exception");

    private SpdxLicenses() {
    }

    /** Returns true for an identifier or an expression of identifiers joined by AND, OR and WITH. */
    static boolean isExpression(String value) {
        String[] tokens = value.replace("(", " ").replace(")", " ").strip().split("\\s+");
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            return false;
        }
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (i % 2 == 1) {
                if (!Set.of("AND", "OR", "WITH").contains(token)) {
                    return false;
                }
            } else if (!IDS.contains(token.endsWith("+") ? token.substring(0, token.length() - 1) : token)
                    && !token.startsWith("LicenseRef-")) {
                return false;
            }
        }
        return tokens.length % 2 == 1;
    }
}
