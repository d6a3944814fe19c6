package dev.portcullis.catalog.golang;

/**
 * A module as Go build info lists it.
 *
 * @param version the module version such as {@code v1.2.3}, {@code (devel)} for a main module built
 *     from a checkout, or empty for a replacement by a local directory
 * @param sum the {@code go.sum} hash, or empty
 * @param replacement the module that replaced this one through a {@code replace} directive, or null
 */
record GoModule(String path, String version, String sum, GoModule replacement) {

    GoModule withReplacement(GoModule newReplacement) {
        return new GoModule(path, version, sum, newReplacement);
    }
}
