package dev.portcullis.catalog.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.Skipped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Entry flags of package-lock.json that the peer fixtures do not all cover, on small inline lockfiles. */
class PackageLockParserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Skipped> skipped = new ArrayList<>();

    @Test
    void shouldReadEntryFlagsOfVersionThree() throws IOException {
        Map<String, LockedPackage> byKey = parse("""
                {"lockfileVersion": 3, "packages": {
                  "": {"name": "app", "dependencies": {"a": "1", "case-alias": "npm:case@^1"},
                       "optionalDependencies": {"fsevents": "2"}},
                  "node_modules/a": {"version": "1.0.0", "license": "MIT", "peer": true},
                  "node_modules/fsevents": {"version": "2.3.3", "optional": true},
                  "node_modules/tool": {"version": "3.0.0", "devOptional": true},
                  "node_modules/tool/node_modules/inner": {"version": "0.1.0", "dev": true, "inBundle": true},
                  "node_modules/case-alias": {"name": "case", "version": "1.6.3"}
                }}""");

        assertThat(byKey.get("node_modules/a").peer()).isTrue();
        assertThat(byKey.get("node_modules/a").licenses()).containsExactly("MIT");
        assertThat(byKey.get("node_modules/fsevents").optional()).isTrue();
        assertThat(byKey.get("node_modules/fsevents").scope()).isEqualTo("prod");
        assertThat(byKey.get("node_modules/fsevents").direct()).isTrue();
        // devOptional: only development installs need it, as an optional dependency of a dev package.
        assertThat(byKey.get("node_modules/tool").scope()).isEqualTo("dev");
        assertThat(byKey.get("node_modules/tool").optional()).isTrue();
        assertThat(byKey.get("node_modules/tool").direct()).isFalse();
        assertThat(byKey.get("node_modules/tool/node_modules/inner").bundled()).isTrue();
        assertThat(byKey.get("node_modules/case-alias").name()).isEqualTo("case");
        assertThat(byKey.get("node_modules/case-alias").alias()).isEqualTo("case-alias");
        assertThat(byKey.get("node_modules/case-alias").direct()).isTrue();
        assertThat(skipped).isEmpty();
    }

    @Test
    void shouldReadAliasAndNestingOfVersionOne() throws IOException {
        Map<String, LockedPackage> byKey = parse("""
                {"lockfileVersion": 1, "dependencies": {
                  "chai": {"version": "npm:@bundled-es-modules/chai@4.2.2", "bundled": true},
                  "dev-parent": {"version": "1.0.0", "dev": true,
                                 "dependencies": {"dev-nested": {"version": "1.0.0"}}},
                  "no-version": {"resolved": "https://registry.npm.example/x.tgz"}
                }}""");

        LockedPackage chai = byKey.get("node_modules/chai");
        assertThat(chai.name()).isEqualTo("@bundled-es-modules/chai");
        assertThat(chai.version()).isEqualTo("4.2.2");
        assertThat(chai.alias()).isEqualTo("chai");
        assertThat(chai.bundled()).isTrue();
        assertThat(chai.direct()).isNull();
        assertThat(byKey.get("node_modules/dev-parent/node_modules/dev-nested").scope()).isEqualTo("dev");
        assertThat(byKey).doesNotContainKey("node_modules/no-version");
        assertThat(skipped).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("inline: node_modules/no-version");
            assertThat(s.reason()).contains("no version");
        });
    }

    private Map<String, LockedPackage> parse(String json) throws IOException {
        List<LockedPackage> locked = new PackageLockParser("inline", skipped::add).parse(MAPPER.readTree(json), null);
        return locked.stream().collect(Collectors.toMap(LockedPackage::lockKey, Function.identity()));
    }
}
