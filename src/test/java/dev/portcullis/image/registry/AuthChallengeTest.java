package dev.portcullis.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void shouldParseBearerChallenge() {
        AuthChallenge challenge = AuthChallenge.parse(
                "Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:team/app:pull,push\"");

        assertThat(challenge.scheme()).isEqualTo("bearer");
        assertThat(challenge.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "realm", "https://auth.example/token",
                "service", "registry.example",
                "scope", "repository:team/app:pull,push"));
    }

    @Test
    void shouldParseBasicChallengeWithSpaces() {
        AuthChallenge challenge = AuthChallenge.parse("Basic realm=\"Registry Realm\", charset=UTF-8");

        assertThat(challenge.scheme()).isEqualTo("basic");
        assertThat(challenge.parameter("realm")).isEqualTo("Registry Realm");
        assertThat(challenge.parameter("charset")).isEqualTo("UTF-8");
    }

    @Test
    void shouldUnescapeQuotedValue() {
        AuthChallenge challenge = AuthChallenge.parse("Bearer realm=\"a\\\"b\",error=\"insufficient_scope\"");

        assertThat(challenge.parameter("realm")).isEqualTo("a\"b");
        assertThat(challenge.parameter("error")).isEqualTo("insufficient_scope");
    }

    @Test
    void shouldParseSchemeWithoutParameters() {
        AuthChallenge challenge = AuthChallenge.parse("Negotiate");

        assertThat(challenge.scheme()).isEqualTo("negotiate");
        assertThat(challenge.parameters()).isEmpty();
    }
}
