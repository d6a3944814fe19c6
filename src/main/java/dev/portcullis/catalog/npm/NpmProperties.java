package dev.portcullis.catalog.npm;

/**
 * Keys that the npm catalogers put in {@link dev.portcullis.catalog.Package#properties()}. A key is
 * absent when its fact is unknown, for example {@code direct} for a lockfile without its package.json.
 */
public final class NpmProperties {

    /** {@code prod} or {@code dev}: whether a production install ({@code npm ci --omit=dev}) needs it. */
    public static final String SCOPE = "scope";
    /** {@code true} when the project's package.json names the package, {@code false} when only reached through others. */
    public static final String DIRECT = "direct";
    /** {@code true} for packages of package-manager installs (global npm, yarn, corepack, pnpm itself). */
    public static final String TOOLING = "tooling";
    public static final String AUTHOR = "author";
    public static final String OPTIONAL = "optional";
    public static final String PEER = "peer";
    /** {@code true} for a package shipped inside its parent's tarball ({@code bundleDependencies}). */
    public static final String BUNDLED = "bundled";
    /** {@code true} for a workspace member of the project rather than a downloaded package. */
    public static final String WORKSPACE = "workspace";
    /** The name the project installs the package under when it differs from its real name ({@code npm:} alias). */
    public static final String ALIAS = "alias";
    public static final String RESOLVED = "resolved";
    public static final String INTEGRITY = "integrity";
    /** The install path inside the project that a lockfile records, for example {@code node_modules/a/node_modules/b}. */
    public static final String LOCK_PATH = "lockPath";

    public static final String SCOPE_PROD = "prod";
    public static final String SCOPE_DEV = "dev";

    private NpmProperties() {}
}
