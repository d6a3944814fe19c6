package dev.portcullis.audit.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretDetectorTest {

    private final SecretDetector detector = new SecretDetector(SecretAllowList.none());

    /** Token-shaped values written for these tests; none is a real credential. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "AWS access key id|AKIAIOSFODNN7EXAMPLE|AKIA****",
        "AWS access key id|ASIAY34FZKBOKMUTVV7A|ASIA****",
        "AWS secret access key|aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|wJal****",
        "GitHub token|ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789|ghp_****",
        "GitHub token|gho_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789|gho_****",
        "GitHub token|ghs_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789|ghs_****",
        "GitHub fine-grained token|github_pat_11ABCDEFG0123456789abc_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456|gith****",
        "GitLab personal access token|glpat-abcdefghij0123456789|glpa****",
        "Slack token|xoxb-123456789012-abcdefABCDEF|xoxb****",
        "Stripe live key|sk_live_abcdefghijklmnopqrstuvwx|sk_l****",
        "Stripe live key|rk_live_abcdefghijklmnopqrstuvwx|rk_l****",
        "Google API key|AIzaSyA-abcdefghijklmnopqrstuvwxyz01234|AIza****",
        "npm access token|npm_abcdefghijklmnopqrstuvwxyz0123456789|npm_****",
        "JSON Web Token|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U|eyJh****",
        "private key|-----BEGIN OPENSSH PRIVATE KEY-----|----****",
        "password in URL|postgres://app:s3cr3tpass@db:5432/app|s3c****"})
    void shouldRecognizeDocumentedTokenFormats(String kind, String text, String redacted) {
        assertThat(detector.inspectValue("value: " + text)).contains(new SecretMatch(kind, redacted));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "MYSQL_PASSWORD|petclinic|password",
        "PGADMIN_DEFAULT_PASSWORD|strong-password|password",
        "PASS|ADMIN|password",
        "password|sensibledata|password",
        "JWT_SECRET|changeme|secret",
        "API_TOKEN|q8Zr2LmP0vXc7TnB4sYe|token",
        "STRIPE_KEY|Zx81kQ0pLm2nB7vC4tYw|key"})
    void shouldFlagSecretAssignments(String name, String value, String kind) {
        Optional<SecretMatch> match = detector.inspectAssignment(name, value);

        assertThat(match).map(SecretMatch::kind).contains(kind);
        assertThat(match.orElseThrow().redacted()).doesNotContain(value);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "DATABASE_PASSWORD_FILE|/run/secrets/db_password",
        "MYSQL_ALLOW_EMPTY_PASSWORD|true",
        "PASSWORD_MIN_LENGTH|12",
        "SORT_KEY|name",
        "CACHE_KEY|users-by-id",
        "API_TOKEN|short",
        "MYSQL_USER|petclinic",
        "PASS|''",
        "HELLO|PASS=notThis"})
    void shouldPassNonSecretAssignments(String name, String value) {
        assertThat(detector.inspectAssignment(name, value)).isEmpty();
    }

    @Test
    void shouldSkipValuesOnAllowList() {
        SecretDetector allowing = new SecretDetector(SecretAllowList.of(List.of("example-.*", "petclinic", "[")));

        assertThat(allowing.inspectAssignment("DB_PASSWORD", "example-password")).isEmpty();
        assertThat(allowing.inspectAssignment("DB_PASSWORD", "petclinic")).isEmpty();
        assertThat(allowing.inspectAssignment("DB_PASSWORD", "[")).as("an invalid pattern matches exactly").isEmpty();
        assertThat(allowing.inspectAssignment("DB_PASSWORD", "other")).isPresent();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"ghp_abcdefghijklmnop|ghp_****", "petclinic|pet****", "abc|****", "''|****"})
    void shouldRedactToAtMostFourCharacters(String value, String redacted) {
        assertThat(Redaction.redact(value)).isEqualTo(redacted);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"aaaa,0.0", "abab,1.0", "abcd,2.0", "0123456789abcdef,4.0"})
    void shouldComputeShannonEntropy(String text, double bits) {
        assertThat(Entropy.bitsPerCharacter(text)).isCloseTo(bits, within(1e-9));
    }
}
