package dev.portcullis.catalog.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementsLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "flask==4.0.0                                  | flask            | 4.0.0",
        "Flask_SQLAlchemy == 3.1.1                     | Flask_SQLAlchemy | 3.1.1",
        "requests[security,socks]==2.31.0              | requests         | 2.31.0",
        "pytz==2019.3 ; python_version < '3.9'         | pytz             | 2019.3",
        "urllib3==2.2.1 --hash=sha256:0123abcd         | urllib3          | 2.2.1",
        "certifi===2024.2.2                            | certifi          | 2024.2.2",
        "mypy==v0.770                                  | mypy             | v0.770",
        "flask>=2.0                                    | -                | -",
        "flask==2.*                                    | -                | -",
        "flask>=2.0,==2.1                              | -                | -",
        "flask                                         | -                | -",
        "https://example.com/flask-2.0.tar.gz          | -                | -",
    })
    void shouldParseOnlyExactPins(String line, String name, String version) {
        var parsed = RequirementsLine.parse(line.strip());

        assertThat(parsed.map(RequirementsLine::name).orElse(null)).isEqualTo(name);
        assertThat(parsed.map(RequirementsLine::version).orElse(null)).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "django==4.2 # LTS        | django==4.2",
        "# whole line             | ''",
        "pkg==1.0#not-a-comment   | pkg==1.0#not-a-comment",
    })
    void shouldRemoveComments(String line, String expected) {
        assertThat(RequirementsLine.withoutComment(line.strip())).isEqualTo(expected);
    }
}
