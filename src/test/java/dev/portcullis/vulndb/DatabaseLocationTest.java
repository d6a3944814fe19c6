package dev.portcullis.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseLocationTest {

    @ParameterizedTest(name = "--db={0} PORTCULLIS_DB={1} XDG_CACHE_HOME={2}")
    @CsvSource(nullValues = "unset", value = {
        "/data/explicit.db, /env/vuln.db, /xdg, /data/explicit.db",
        "unset, /env/vuln.db, /xdg, /env/vuln.db",
        "unset, unset, /xdg, /xdg/portcullis/vuln.db",
        "unset, unset, unset, /home/ada/.cache/portcullis/vuln.db",
        "unset, '', '', /home/ada/.cache/portcullis/vuln.db",
    })
    void shouldResolveInPrecedenceOrder(String explicit, String environmentPath, String cacheHome, String expected) {
        Map<String, String> environment = new HashMap<>();
        if (environmentPath != null) {
            environment.put("PORTCULLIS_DB", environmentPath);
        }
        if (cacheHome != null) {
            environment.put("XDG_CACHE_HOME", cacheHome);
        }

        Path resolved = DatabaseLocation.resolve(explicit == null ? null : Path.of(explicit), environment, Path.of("/home/ada"));

        assertThat(resolved).isEqualTo(Path.of(expected));
    }
}
