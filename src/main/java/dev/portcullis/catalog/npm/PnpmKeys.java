package dev.portcullis.catalog.npm;

import java.util.List;
import java.util.Set;

/**
 * The package key and dependency reference syntax of one pnpm lockfile version.
 *
 * @param major the lockfile's major version: 5, 6 or 9
 */
record PnpmKeys(int major) {

    static PnpmKeys of(Object lockfileVersion) {
        String text = String.valueOf(lockfileVersion);
        try {
            return new PnpmKeys((int) Double.parseDouble(text));
        } catch (NumberFormatException e) {
            // pnpm has written the version as a number or a string; an unreadable one is treated as current.
            return new PnpmKeys(9);
        }
    }

    /**
     * Returns the key of the package that a dependency reference points at, or null for links to
     * workspace folders and references not in the lockfile.
     *
     * @param ref the reference as the lockfile writes it: a version with peers ({@code 4.3.4(supports-color@8.1.1)}),
     *     a key ({@code /ms/2.1.2} in v5, {@code string-width@4.2.3} for a v9 alias), or a URL
     */
    String resolve(String name, String ref, Set<String> keys) {
        if (ref == null || ref.startsWith("link:")) {
            return null;
        }
        for (String candidate : List.of(keyFor(name, ref), ref)) {
            if (keys.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Returns the key this lockfile version writes for a package name and a version reference. */
    String keyFor(String name, String ref) {
        return switch (major) {
            case 5 -> "/" + name + "/" + ref;
            case 6, 7, 8 -> "/" + name + "@" + ref;
            default -> name + "@" + ref;
        };
    }

    /** Returns the name and version in a key, without peers, or nulls when the key has no version. */
    String[] nameAndVersion(String key) {
        String path = key.startsWith("/") ? key.substring(1) : key;
        if (major < 6) {
            int slash = path.indexOf('/', path.startsWith("@") ? path.indexOf('/') + 1 : 0);
            if (slash < 0) {
                return new String[] {path, null};
            }
            String version = path.substring(slash + 1);
            int peers = version.indexOf('_');
            return new String[] {path.substring(0, slash), withoutPeers(peers < 0 ? version : version.substring(0, peers))};
        }
        String plain = withoutPeers(path);
        int at = plain.indexOf('@', 1);
        return at < 0 ? new String[] {plain, null} : new String[] {plain.substring(0, at), plain.substring(at + 1)};
    }

    /** Removes the peer suffix of v6 and later keys: {@code a@1.0.0(b@2.0.0)} gives {@code a@1.0.0}. */
    static String withoutPeers(String key) {
        int parenthesis = key.indexOf('(');
        return parenthesis < 0 ? key : key.substring(0, parenthesis);
    }
}
