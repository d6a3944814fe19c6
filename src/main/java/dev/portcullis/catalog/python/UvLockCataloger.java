package dev.portcullis.catalog.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the packages locked in a uv {@code uv.lock}: each {@code [[package]]} table with its
 * {@code name} and {@code version}. The project itself is listed too, with a {@code virtual} or
 * {@code editable} source, and is reported like the others. A package whose version is dynamic has no
 * {@code version} key and is skipped.
 *
 * <pre>
 * [[package]]
 * name = "idna"
 * version = "3.7"
 * source = { registry = "https://pypi.org/simple" }
 * </pre>
 *
 * @see <a href="https://docs.astral.sh/uv/concepts/projects/layout/#the-lockfile">uv: the lockfile</a>
 */
public final class UvLockCataloger extends LockfileCataloger {

    private static final TomlMapper TOML = new TomlMapper();

    public UvLockCataloger() {
        this(MAX_LOCKFILE_BYTES);
    }

    UvLockCataloger(long maxBytes) {
        super("uv.lock", maxBytes);
    }

    @Override
    public String name() {
        return "python-uv-lock-cataloger";
    }

    @Override
    JsonNode parse(InputStream in) throws IOException {
        return TOML.readTree(in);
    }

    @Override
    List<LockedPackage> packages(JsonNode root) {
        List<LockedPackage> packages = new ArrayList<>();
        for (JsonNode pkg : root.path("package")) {
            packages.add(new LockedPackage(text(pkg, "name"), text(pkg, "version"), false));
        }
        return packages;
    }
}
