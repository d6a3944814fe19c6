package dev.portcullis.audit.layers;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Package manager caches that a build should remove in the step that filled them. */
final class PackageCaches {

    /** One cache, recognized by the paths of its files. */
    record Cache(String name, Pattern files, String cleanup) {}

    static final List<Cache> ALL = List.of(
            new Cache("apt package archives", Pattern.compile("/var/cache/apt/archives/[^/]+\\.deb"),
                    "apt-get clean"),
            new Cache("apt package lists", Pattern.compile("/var/lib/apt/lists/(?!lock$|partial(/|$)|auxfiles(/|$))[^/]+"),
                    "rm -rf /var/lib/apt/lists/*"),
            new Cache("npm cache", Pattern.compile("(/root|/home/[^/]+)/\\.npm/_cacache/.+"), "npm cache clean --force"),
            new Cache("pip cache", Pattern.compile("(/root|/home/[^/]+)/\\.cache/pip/.+"), "pip install --no-cache-dir"),
            new Cache("apk cache", Pattern.compile("/var/cache/apk/[^/]+\\.tar\\.gz"), "apk add --no-cache"),
            new Cache("yarn cache", Pattern.compile("(/root|/home/[^/]+)/\\.cache/yarn/.+|/usr/local/share/\\.cache/yarn/.+"),
                    "yarn cache clean"));

    private PackageCaches() {}

    static Optional<Cache> of(String path) {
        return ALL.stream().filter(c -> c.files().matcher(path).matches()).findFirst();
    }
}
