package dev.portcullis.image;

import java.util.List;

/**
 * The files whose content a consumer needs. Layers are streamed once, so content is kept only for
 * paths that some request accepts when the layer entry goes by. Layers are read in parallel, so
 * {@link #accepts} may run on several threads at once and must not change shared state.
 */
@FunctionalInterface
public interface FileRequest {

    /** Tests an absolute, normalized path such as {@code /var/lib/dpkg/status}. */
    boolean accepts(String path);

    default FileRequest or(FileRequest other) {
        return path -> accepts(path) || other.accepts(path);
    }

    static FileRequest none() {
        return path -> false;
    }

    /** Builds a request from glob patterns in {@link java.nio.file.FileSystem#getPathMatcher} syntax. */
    static FileRequest globs(String... patterns) {
        List<PathGlob> globs = java.util.Arrays.stream(patterns).map(PathGlob::of).toList();
        return path -> {
            for (PathGlob glob : globs) {
                if (glob.matches(path)) {
                    return true;
                }
            }
            return false;
        };
    }
}
