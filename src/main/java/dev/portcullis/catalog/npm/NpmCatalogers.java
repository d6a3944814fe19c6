package dev.portcullis.catalog.npm;

import dev.portcullis.catalog.Cataloger;
import java.util.List;

/**
 * The npm catalogers to run for each kind of scan. An image runs what is installed, so it is read from
 * node_modules: its lockfiles would repeat installed packages and add development ones that are
 * absent. A project folder is read from its lockfiles.
 */
public final class NpmCatalogers {

    private NpmCatalogers() {}

    /** Returns the cataloger of installed node_modules packages, for images and root filesystems. */
    public static List<Cataloger> forImage() {
        return List.of(new PackageJsonCataloger());
    }

    /** Returns the lockfile catalogers (npm, yarn, pnpm), for project source folders. */
    public static List<Cataloger> forProject() {
        return List.of(new PackageLockCataloger(), new YarnLockCataloger(), new PnpmLockCataloger());
    }
}
