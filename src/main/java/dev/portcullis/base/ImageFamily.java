package dev.portcullis.base;

import java.util.Arrays;
import java.util.Optional;

/**
 * The official Docker Hub images whose tags Portcullis understands, with the lifecycle product of
 * their runtime and the distro their tags imply when they name none.
 *
 * <p>{@code lineDepth} is how many leading version numbers name a release line: Node.js {@code 20}
 * is one number, Python {@code 3.12} two. {@code patchDepth} is how many numbers pin a patch
 * release: {@code 20.18.0} for Node.js, {@code 16.4} for PostgreSQL. A tag version with fewer
 * numbers floats within its line.
 */
public enum ImageFamily {
    NODE("node", "nodejs", 1, 3, "debian"),
    PYTHON("python", "python", 2, 3, "debian"),
    GOLANG("golang", "go", 2, 3, "debian"),
    ECLIPSE_TEMURIN("eclipse-temurin", "eclipse-temurin", 1, 3, "ubuntu"),
    NGINX("nginx", "nginx", 2, 3, "debian"),
    POSTGRES("postgres", "postgresql", 1, 2, "debian"),
    DEBIAN("debian", null, 0, 0, "debian"),
    UBUNTU("ubuntu", null, 0, 0, "ubuntu"),
    ALPINE("alpine", null, 0, 0, "alpine");

    private final String imageName;
    private final String runtimeProduct;
    private final int lineDepth;
    private final int patchDepth;
    private final String defaultDistro;

    ImageFamily(String imageName, String runtimeProduct, int lineDepth, int patchDepth, String defaultDistro) {
        this.imageName = imageName;
        this.runtimeProduct = runtimeProduct;
        this.lineDepth = lineDepth;
        this.patchDepth = patchDepth;
        this.defaultDistro = defaultDistro;
    }

    /** Finds the family of an official image name such as {@code node}. */
    public static Optional<ImageFamily> byImageName(String name) {
        return Arrays.stream(values()).filter(family -> family.imageName.equals(name)).findFirst();
    }

    public String imageName() {
        return imageName;
    }

    /** Returns the lifecycle product of the image's runtime, or null for a distro image. */
    public String runtimeProduct() {
        return runtimeProduct;
    }

    public int lineDepth() {
        return lineDepth;
    }

    public int patchDepth() {
        return patchDepth;
    }

    public String defaultDistro() {
        return defaultDistro;
    }

    public boolean isDistro() {
        return runtimeProduct == null;
    }
}
