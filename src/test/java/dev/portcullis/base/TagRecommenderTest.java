package dev.portcullis.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagRecommenderTest {

    private static final String NODE_TAGS = "20 20-bookworm-slim 20.18.0-bookworm-slim 20.19.0-bookworm-slim"
            + " 20.20.2-bookworm-slim 20.20.2-bookworm 20.20.2-alpine3.20 20.20.2-bullseye-slim 22-bookworm-slim"
            + " 22.11.0-bookworm-slim 22.12.0-bookworm-slim 23.1.0-bookworm-slim 22.12.0-alpine3.20 22.22.2-alpine3.20"
            + " 22.22.2-alpine3.21 lts-alpine3.20";

    private final TagRecommender recommender = new TagRecommender();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            node:20.18.0-bookworm-slim         | 22 24 26 | 22.12.0-bookworm-slim 20.20.2-bookworm-slim
            node:20.20.2-bookworm-slim         | 22 24 26 | 22.12.0-bookworm-slim
            node:20-bookworm-slim              | 22 24 26 | 22-bookworm-slim
            node:22.12.0-alpine3.20            | 22 24 26 | 22.22.2-alpine3.20
            node:22.12.0-bookworm-slim         | 24 26    | -
            node:20.18.0-bookworm-slim         | -        | 23.1.0-bookworm-slim 22.12.0-bookworm-slim 20.20.2-bookworm-slim
            """)
    void shouldRecommendSameVariant(String current, String supported, String expected) {
        BaseImageTag tag = new TagGrammar().read(ImageReference.parse(current));
        List<String> notes = new ArrayList<>();

        List<String> tags = recommender.newerTags(tag, runtime(supported), List.of(NODE_TAGS.split(" ")), notes);

        assertThat(tags).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.split(" ")));
        assertThat(notes).isEmpty();
    }

    @Test
    void shouldRecommendPythonMinorLines() {
        BaseImageTag tag = new TagGrammar().read(ImageReference.parse("python:3.12.1-slim-bookworm"));
        List<String> tags = List.of("3.11.9-slim-bookworm", "3.12.7-slim-bookworm", "3.12.10-slim-bookworm",
                "3.13.0-slim-bookworm", "3.13.0-slim-trixie", "3.13-slim-bookworm");

        List<String> recommended = recommender.newerTags(tag, runtime("3.12 3.13"), tags, new ArrayList<>());

        assertThat(recommended).containsExactly("3.13.0-slim-bookworm", "3.12.10-slim-bookworm");
    }

    @Test
    void shouldNoteAliasTag() {
        BaseImageTag tag = new TagGrammar().read(ImageReference.parse("node:lts-alpine3.20"));
        List<String> notes = new ArrayList<>();

        List<String> recommended = recommender.newerTags(tag, runtime("22 24 26"), List.of(NODE_TAGS.split(" ")), notes);

        assertThat(recommended).isEmpty();
        assertThat(notes).containsExactly("the tag lts-alpine3.20 names no runtime version, so no newer tag is chosen");
    }

    private static RuntimeAssessment runtime(String supportedLines) {
        List<LineStatus> lines = supportedLines == null ? List.of() : Arrays.stream(supportedLines.split(" "))
                .map(line -> new LineStatus("nodejs", line, null, SupportPhase.MAINTENANCE, null, null, null, null, null,
                        null, "test"))
                .toList();
        return new RuntimeAssessment("nodejs", "x", "x", null, null, List.of(), List.of(), lines, false);
    }
}
