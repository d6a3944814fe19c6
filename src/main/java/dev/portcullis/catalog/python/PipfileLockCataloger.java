package dev.portcullis.catalog.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the packages locked in a Pipenv {@code Pipfile.lock}: the {@code default} section holds
 * runtime packages and {@code develop} development ones, each keyed by name with a {@code version}
 * written as {@code ==2.31.0}. An entry without a version (a VCS or path dependency) is skipped.
 *
 * <pre>
 * {"default": {"requests": {"hashes": ["sha256:..."], "version": "==2.31.0"}}, "develop": {}}
 * </pre>
 *
 * @see <a href="https://pipenv.pypa.io/en/latest/pipfile.html">Pipenv: Pipfile and Pipfile.lock</a>
 */
public final class PipfileLockCataloger extends LockfileCataloger {

    private static final ObjectMapper JSON = new ObjectMapper();

    public PipfileLockCataloger() {
        this(MAX_LOCKFILE_BYTES);
    }

    PipfileLockCataloger(long maxBytes) {
        super("Pipfile.lock", maxBytes);
    }

    @Override
    public String name() {
        return "python-pipfile-lock-cataloger";
    }

    @Override
    JsonNode parse(InputStream in) throws IOException {
        return JSON.readTree(in);
    }

    @Override
    List<LockedPackage> packages(JsonNode root) {
        List<LockedPackage> packages = new ArrayList<>();
        for (String section : List.of("default", "develop")) {
            for (Map.Entry<String, JsonNode> entry : root.path(section).properties()) {
                String version = text(entry.getValue(), "version");
                if (version != null && version.startsWith("==")) {
                    version = version.substring(2);
                }
                packages.add(new LockedPackage(entry.getKey(), version, section.equals("develop")));
            }
        }
        return packages;
    }
}
