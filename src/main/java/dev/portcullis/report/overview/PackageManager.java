package dev.portcullis.report.overview;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import java.util.List;
import java.util.Locale;

/**
 * The package manager the final image can run at build time, which decides the upgrade advice. It is read
 * from the installed packages: the Debian package {@code apt} ships {@code /usr/bin/apt-get} and the Alpine
 * package {@code apk-tools} ships {@code /sbin/apk}. An image with OS packages but neither of these has no
 * package manager (distroless). An image without OS packages is judged by the final stage's base name: an
 * alpine, Debian or Ubuntu name gives apk or apt, and any other name (scratch) none.
 */
enum PackageManager {
    APT("add RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/* to the final stage,"
            + " or rebuild on the newest base digest often"),
    APK("add RUN apk upgrade --no-cache to the final stage, or rebuild on the newest base digest often"),
    NONE("rebuild on the newest base digest, because the final image has no package manager to upgrade with");

    private static final List<String> APT_BASES = List.of("debian", "ubuntu", "bookworm", "bullseye", "trixie",
            "jammy", "noble", "focal");

    private final String advice;

    PackageManager(String advice) {
        this.advice = advice;
    }

    /** Returns the fix of a missing upgrade step for an image with this package manager. */
    String advice() {
        return advice;
    }

    /**
     * Decides from the image's packages, then from the final stage's base name when the image has no OS
     * package database at all.
     *
     * @param packages the packages found in the image
     * @param baseImage the final stage's FROM image, or null when no Dockerfile was given
     */
    static PackageManager of(List<Package> packages, String baseImage) {
        boolean osPackages = false;
        for (Package pkg : packages) {
            if (pkg.type() == PackageType.DEB) {
                osPackages = true;
                if (pkg.name().equals("apt")) {
                    return APT;
                }
            } else if (pkg.type() == PackageType.APK) {
                osPackages = true;
                if (pkg.name().equals("apk-tools")) {
                    return APK;
                }
            }
        }
        if (osPackages || baseImage == null) {
            return NONE;
        }
        String name = baseImage.toLowerCase(Locale.ROOT);
        if (name.contains("distroless") || name.equals("scratch")) {
            return NONE;
        }
        if (name.contains("alpine")) {
            return APK;
        }
        return APT_BASES.stream().anyMatch(name::contains) ? APT : NONE;
    }
}
