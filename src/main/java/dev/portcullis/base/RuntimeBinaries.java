package dev.portcullis.base;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the runtime versions of a base check from the packages a scan found: the Node.js binaries, and the Go
 * toolchain of the golang images, whose {@code go} command carries the toolchain version as its stdlib. Other
 * Go binaries are left out, since their stdlib is only the toolchain they were built with. It takes plain
 * values, so that {@code base} stays independent of the catalogers.
 *
 * <pre>{@code
 * RuntimeBinaries.of(List.of(new RuntimeBinaries.Found(Kind.GO_STDLIB, "go1.23.4", "/usr/local/go/bin/go")))
 *     -> [GOLANG 1.23.4 "binary /usr/local/go/bin/go"]
 * }</pre>
 */
public final class RuntimeBinaries {

    /** The path of the {@code go} command in the official golang images. */
    public static final String GO_COMMAND = "/usr/local/go/bin/go";

    /** The kind of runtime package a cataloger reported. */
    public enum Kind {
        /** A Node.js executable, version without {@code v}. */
        NODE_BINARY,
        /** The Go stdlib of a Go binary, version as {@code go1.23.4}. */
        GO_STDLIB
    }

    /**
     * One package of the scan that may name a runtime.
     *
     * @param kind what the cataloger reported
     * @param version the package version as cataloged
     * @param path the first location of the package, or null
     */
    public record Found(Kind kind, String version, String path) {}

    private RuntimeBinaries() {}

    /** Returns the runtime versions the packages name, in the order found. */
    public static List<RuntimeVersion> of(List<Found> packages) {
        List<RuntimeVersion> binaries = new ArrayList<>();
        for (Found found : packages) {
            if (found.kind() == Kind.NODE_BINARY) {
                binaries.add(new RuntimeVersion(ImageFamily.NODE, found.version(),
                        "binary " + (found.path() == null ? "node" : found.path())));
            } else if (found.kind() == Kind.GO_STDLIB && GO_COMMAND.equals(found.path())
                    && found.version().startsWith("go")) {
                String version = found.version().substring(2);
                binaries.add(new RuntimeVersion(ImageFamily.GOLANG, version, "binary " + found.path()));
            }
        }
        return binaries;
    }
}
