package dev.portcullis.catalog.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the packages locked in a Poetry {@code poetry.lock}: each {@code [[package]]} table with its
 * {@code name} and {@code version}. Older lockfiles mark development packages with
 * {@code category = "dev"}. Newer ones drop the category, because only the project file maps
 * dependency groups to development, so their packages read as not development.
 *
 * <pre>
 * [[package]]
 * name = "certifi"
 * version = "2024.2.2"
 * category = "main"
 * </pre>
 *
 * @see <a href="https://python-poetry.org/docs/basic-usage/#installing-with-poetrylock">Poetry: poetry.lock</a>
 */
public final class PoetryLockCataloger extends LockfileCataloger {

    private static final TomlMapper TOML = new TomlMapper();

    public PoetryLockCataloger() {
        this(MAX_LOCKFILE_BYTES);
    }

    PoetryLockCataloger(long maxBytes) {
        super("poetry.lock", maxBytes);
    }

    @Override
    public String name() {
        return "python-poetry-lock-cataloger";
    }

    @Override
    JsonNode parse(InputStream in) throws IOException {
        return TOML.readTree(in);
    }

    @Override
    List<LockedPackage> packages(JsonNode root) {
        List<LockedPackage> packages = new ArrayList<>();
        for (JsonNode pkg : root.path("package")) {
            boolean development = "dev".equals(text(pkg, "category"));
            packages.add(new LockedPackage(text(pkg, "name"), text(pkg, "version"), development));
        }
        return packages;
    }
}
