package dev.portcullis.triage.reachability;

import dev.portcullis.image.FileRequest;
import java.util.List;

/**
 * Accepts the files the reachability analysis reads: {@code .js}, {@code .cjs} and {@code .mjs}
 * scripts, package.json files, and extensionless scripts in an application's {@code bin} folder (such
 * as Express's {@code bin/www}), outside the system folders that contain no Node.js code. Other JSON
 * files are loadable modules too, but resolution only needs to know that they exist, so their content
 * is not kept.
 */
final class SourceFileRequest implements FileRequest {

    private static final List<String> EXTENSIONS = List.of(".js", ".cjs", ".mjs", "/package.json");
    /** Debian's packaged Node.js modules, on the module path of Debian's nodejs. */
    private static final String DEBIAN_NODE_MODULES = "/usr/share/nodejs/";
    private static final List<String> SKIPPED_FOLDERS = List.of("/proc/", "/sys/", "/dev/", "/usr/share/",
            "/usr/include/", "/usr/lib/python", "/usr/lib/x86_64-linux-gnu/", "/usr/lib/aarch64-linux-gnu/",
            "/var/lib/", "/var/cache/", "/etc/");
    private static final List<String> SYSTEM_BIN_FOLDERS = List.of("/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/",
            "/usr/local/bin/", "/usr/local/sbin/");

    @Override
    public boolean accepts(String path) {
        if (SKIPPED_FOLDERS.stream().anyMatch(path::startsWith) && !path.startsWith(DEBIAN_NODE_MODULES)) {
            return false;
        }
        if (EXTENSIONS.stream().anyMatch(path::endsWith)) {
            return true;
        }
        String name = ModulePaths.baseName(path);
        String folder = ModulePaths.parent(path) + "/";
        boolean applicationBin = folder.endsWith("/bin/") && !folder.contains("/node_modules/")
                && SYSTEM_BIN_FOLDERS.stream().noneMatch(folder::equals);
        return applicationBin && !name.contains(".");
    }
}
