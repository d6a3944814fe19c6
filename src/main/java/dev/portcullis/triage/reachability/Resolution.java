package dev.portcullis.triage.reachability;

/** The outcome of resolving one module specifier from one file. */
sealed interface Resolution {

    /** A core module such as {@code fs}, which loads no file of the image. */
    record Builtin(String name) implements Resolution {}

    /** A file of the image, by its path after following links. */
    record ModuleFile(String path) implements Resolution {}

    /** Nothing the specifier could load, with the reason. */
    record NotFound(String reason) implements Resolution {}
}
