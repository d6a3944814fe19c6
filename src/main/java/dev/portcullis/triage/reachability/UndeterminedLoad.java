package dev.portcullis.triage.reachability;

import java.util.List;

/**
 * A place where the analysis could not tell which modules are loaded, so every package loadable from
 * there by a bare name counts as possibly reached.
 *
 * @param file the file holding the load
 * @param line 1-based line of the {@code require} or {@code import()}, or 0 when the whole file is
 *     concerned (it could not be read or parsed)
 * @param reason what could not be determined, for example {@code require(mod) with a computed name}
 * @param chain how the file itself was reached from an entry point, empty for an entry point
 */
public record UndeterminedLoad(String file, int line, String reason, List<ImportStep> chain) {

    public UndeterminedLoad {
        chain = List.copyOf(chain);
    }

    /** Returns {@code file:line}, the form editors and reports link to. */
    public String location() {
        return file + ":" + line;
    }
}
