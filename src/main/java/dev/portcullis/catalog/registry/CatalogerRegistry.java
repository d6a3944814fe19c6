package dev.portcullis.catalog.registry;

import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.apk.ApkCataloger;
import dev.portcullis.catalog.dpkg.DpkgCataloger;
import dev.portcullis.catalog.os.DistroDetector;
import dev.portcullis.catalog.rpm.RpmCataloger;
import dev.portcullis.image.FileRequest;
import java.util.List;

/**
 * The catalogers of operating system packages, and the file request that an image reader needs to keep
 * every file they and distro detection read. Lives outside {@code dev.portcullis.catalog} so that the
 * ecosystem packages depend on the shared records without a cycle back to them.
 *
 * <p>Example: {@code CatalogerRegistry.request(CatalogerRegistry.osCatalogers())} accepts
 * {@code /etc/os-release}, {@code /var/lib/dpkg/status}, {@code /lib/apk/db/installed} and
 * {@code /var/lib/rpm/Packages}.
 */
public final class CatalogerRegistry {

    private CatalogerRegistry() {}

    /** Returns new instances of the dpkg, apk and rpm catalogers. */
    public static List<Cataloger> osCatalogers() {
        return List.of(new DpkgCataloger(), new ApkCataloger(), new RpmCataloger());
    }

    /** Returns a request for the files of distro detection and of every cataloger given. */
    public static FileRequest request(List<Cataloger> catalogers) {
        FileRequest request = new DistroDetector().request();
        for (Cataloger cataloger : catalogers) {
            request = request.or(cataloger.request());
        }
        return request;
    }
}
