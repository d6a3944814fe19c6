package dev.portcullis.catalog.golang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoModFileTest {

    @Test
    void shouldReadRequireBlocksAndReplacements() {
        GoModFile file = GoModFile.parse("""
                module example.com/app // the application

                go 1.22

                require github.com/google/uuid v1.6.0
                require (
                	github.com/bmatcuk/doublestar v1.3.1
                	golang.org/x/net v0.17.0 // indirect
                	example.com/lib v0.0.0-00010101000000-000000000000
                )

                replace golang.org/x/net v0.17.0 => golang.org/x/net v0.23.0
                replace (
                	example.com/lib => ../lib
                )
                """);

        assertThat(file.module()).isEqualTo("example.com/app");
        assertThat(file.requirements()).containsExactly(
                new GoModule("github.com/google/uuid", "v1.6.0", "", null),
                new GoModule("github.com/bmatcuk/doublestar", "v1.3.1", "", null),
                new GoModule("golang.org/x/net", "v0.17.0", "", new GoModule("golang.org/x/net", "v0.23.0", "", null)),
                new GoModule("example.com/lib", "v0.0.0-00010101000000-000000000000", "", new GoModule("../lib", "", "", null)));
    }
}
