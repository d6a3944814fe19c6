package dev.portcullis.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackChannelTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0} findings")
    @CsvSource(delimiter = '|', textBlock = """
            0  | 1
            20 | 21
            21 | 22
            """)
    void shouldListAtMostTwentyFindings(int count, int expectedLines) {
        ObjectNode alert = alert("rebuild now", "api");
        ArrayNode findings = alert.putArray("findings");
        for (int i = 0; i < count; i++) {
            findings.addObject().put("vulnId", "CVE-2099-" + (1000 + i)).put("package", "lodash")
                    .put("verdict", "AFFECTED").put("risk", "HIGH").put("kev", i == 0);
        }

        String section = new SlackChannel().message(alert).path("blocks").get(1).path("text").path("text").asText();

        assertThat(section.split("\n")).hasSize(expectedLines);
        if (count > 0) {
            assertThat(section).contains("\n• CVE-2099-1000 in lodash: AFFECTED, HIGH, in CISA KEV\n");
        }
        if (count > 20) {
            assertThat(section).endsWith("\n… and 1 more");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            escaped markup | <b>&x</b>  | *shop/&lt;b&gt;&amp;x&lt;/b&gt;* (rule rebuild)
            plain          | shop-api   | *shop/shop-api* (rule rebuild)
            """)
    void shouldEscapeSlackControlCharacters(String case_, String image, String expected) {
        JsonNode message = new SlackChannel().message(alert("rebuild now", image));

        assertThat(message.path("blocks").get(1).path("text").path("text").asText()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "action of {0} characters")
    @CsvSource(delimiter = '|', textBlock = """
            150 | 150
            151 | 150
            """)
    void shouldShortenLongHeader(int length, int expected) {
        JsonNode message = new SlackChannel().message(alert("a".repeat(length), "api"));

        String header = message.path("blocks").get(0).path("text").path("text").asText();
        assertThat(header).hasSize(expected);
        assertThat(message.path("text").asText()).startsWith("a".repeat(length) + ": shop/api");
    }

    private static ObjectNode alert(String action, String image) {
        return MAPPER.createObjectNode().put("rule", "rebuild").put("action", action).put("project", "shop")
                .put("image", image);
    }
}
