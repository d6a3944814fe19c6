package dev.portcullis.triage.reachability;

/**
 * One link of an import chain: a file loads a specifier, which resolves to another file.
 *
 * @param file the loading file
 * @param line 1-based line of the {@code require} or {@code import}
 * @param specifier the specifier as written
 * @param target the file it resolves to
 */
public record ImportStep(String file, int line, String specifier, String target) {

    @Override
    public String toString() {
        return file + ":" + line + " loads '" + specifier + "' -> " + target;
    }
}
