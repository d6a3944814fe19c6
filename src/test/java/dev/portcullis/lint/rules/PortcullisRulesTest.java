package dev.portcullis.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lint.Finding;
import dev.portcullis.lint.LintConfig;
import dev.portcullis.lint.Linter;
import dev.portcullis.lint.dockerfile.DockerfileReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases for the rules Portcullis adds beyond Hadolint's, and for the multi-stage judgement of shipped-image rules. */
class PortcullisRulesTest {

    private static List<Finding> lint(String text) throws Exception {
        var dockerfile = new DockerfileReader().read("Dockerfile", text.replace("\\n", "\n") + "\n");
        return new Linter(RuleCatalog.all()).lint(dockerfile, LintConfig.defaults());
    }

    private static long count(List<Finding> findings, String rule) {
        return findings.stream().filter(finding -> finding.rule().id().equals(rule)).count();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PC-D901 | 1 | 'FROM node:20\\nCMD ["node", "server.js"]'
            PC-D901 | 0 | 'FROM node:20\\nENTRYPOINT ["dumb-init", "--"]\\nCMD ["node", "server.js"]'
            PC-D901 | 0 | 'FROM node:20\\nENTRYPOINT ["/sbin/tini", "--"]\\nCMD ["node", "server.js"]'
            PC-D901 | 0 | 'FROM node:20\\nRUN echo no command of our own'
            PC-D901 | 0 | 'FROM node:20 AS base\\nENTRYPOINT ["tini", "--"]\\nFROM base\\nCMD ["node", "a.js"]'
            PC-D902 | 1 | 'FROM node:20\\nRUN npm ci'
            PC-D902 | 1 | 'FROM node:20\\nRUN npm install'
            PC-D902 | 1 | 'FROM node:20\\nRUN npm ci --only=production'
            PC-D902 | 1 | 'FROM node:20\\nRUN npm install --production'
            PC-D902 | 0 | 'FROM node:20\\nRUN npm ci --omit=dev'
            PC-D902 | 0 | 'FROM node:20\\nENV NODE_ENV=production\\nRUN npm ci'
            PC-D902 | 0 | 'FROM node:20 AS build\\nRUN npm ci && npm run build\\nFROM node:20\\nCOPY --from=build /app /app'
            PC-D902 | 0 | 'FROM node:20\\nRUN npm install express@4.21.2'
            PC-D903 | 1 | 'FROM debian:12\\nRUN curl -fsSL https://get.example/install.sh | sh'
            PC-D903 | 1 | 'FROM debian:12\\nRUN wget -qO- https://get.example/i.sh | bash -s -- --yes'
            PC-D903 | 0 | 'FROM debian:12\\nRUN curl -fsSLo i.sh https://get.example/i.sh && sha256sum -c sums && sh i.sh'
            PC-D903 | 0 | 'FROM debian:12\\nRUN curl -fsSL https://x/a.tgz | tar -xz'
            PC-D905 | 1 | 'FROM debian:12\\nADD https://example.com/tool.tar.gz /opt/'
            PC-D905 | 0 | 'FROM debian:12\\nADD --checksum=sha256:24454f83 https://example.com/tool.tar.gz /opt/'
            PC-D905 | 0 | 'FROM debian:12\\nADD tool.tar.gz /opt/'
            PC-D906 | 1 | 'FROM debian:12\\nRUN true'
            PC-D906 | 0 | 'FROM debian:12 AS base\\nUSER app\\nFROM base\\nRUN true'
            PC-D906 | 0 | 'FROM scratch\\nCOPY app /app'
            PC-D002 | 1 | 'FROM debian:12 AS base\\nUSER root\\nFROM base\\nRUN true'
            PC-D002 | 0 | 'FROM debian:12 AS build\\nUSER root\\nFROM debian:12\\nUSER app'
            PC-D064 | 1 | 'FROM debian:12\\nENV DB_PASSWORD=hunter2'
            PC-D064 | 1 | 'ARG GITHUB_TOKEN\\nFROM debian:12'
            PC-D064 | 1 | 'FROM debian:12 AS build\\nENV NPM_TOKEN=abc\\nFROM debian:12\\nUSER app'
            PC-D064 | 0 | 'FROM debian:12 AS build\\nARG NPM_TOKEN\\nENV NPM_TOKEN=$NPM_TOKEN\\nFROM debian:12\\nUSER app'
            PC-D064 | 0 | 'FROM debian:12\\nENV GPG_KEY=B42F6819007F00F88E364FD4036A9C25BF357DD4'
            PC-D907 | 1 | 'FROM debian:12\\nRUN apt-get update\\nRUN apt-get install -y curl=8.5.0-2'
            PC-D907 | 1 | 'FROM alpine:3.20\\nRUN apk update'
            PC-D907 | 0 | 'FROM debian:12\\nRUN apt-get update && apt-get install -y curl=8.5.0-2'
            PC-D907 | 0 | 'FROM alpine:3.20\\nRUN apk update && apk upgrade'
            PC-D007 | 1 | 'ARG TAG=latest\\nFROM node:${TAG}'
            PC-D007 | 0 | 'ARG TAG\\nFROM node:${TAG}'
            PC-D006 | 1 | 'ARG BASE="debian"\\nFROM $BASE'
            PC-D026 | 0 | 'ARG REGISTRY=quay.io\\nFROM ${REGISTRY}/app:1'
            """)
    void shouldJudgeCase(String rule, int expected, String dockerfile) throws Exception {
        assertThat(count(lint(dockerfile), rule)).as(dockerfile).isEqualTo(expected);
    }

    @Test
    void shouldRedactSecretValues() throws Exception {
        List<Finding> findings = lint("FROM debian:12\\nENV DB_PASSWORD=hunter2 API_TOKEN=s3cr3t");

        List<String> messages = findings.stream().filter(finding -> finding.rule().id().equals("PC-D064"))
                .map(Finding::message).toList();
        assertThat(messages).hasSize(2);
        assertThat(messages).allSatisfy(message -> assertThat(message).doesNotContain("hunter2").doesNotContain("s3cr3t"));
        assertThat(messages.getFirst()).contains("DB_PASSWORD").contains("value redacted");
    }

    @Test
    void shouldNotClaimRedactionForArgWithoutValue() throws Exception {
        Finding finding = lint("ARG NPM_TOKEN\\nFROM node:20").stream()
                .filter(candidate -> candidate.rule().id().equals("PC-D064")).findFirst().orElseThrow();

        assertThat(finding.message()).isEqualTo("ARG NPM_TOKEN looks like a secret; it stays in the image history."
                + " Use RUN --mount=type=secret instead");
    }

    @Test
    void shouldReportDeprecatedProductionFlag() throws Exception {
        Finding finding = lint("FROM node:20\\nRUN npm ci --only=production").stream()
                .filter(candidate -> candidate.rule().id().equals("PC-D902")).findFirst().orElseThrow();

        assertThat(finding.message()).contains("deprecated").contains("--omit=dev");
        assertThat(finding.range().startLine()).isEqualTo(2);
    }

    @Test
    void shouldHonourIgnoreComments() throws Exception {
        List<Finding> findings = lint("FROM debian:12\\nUSER app\\n# portcullis ignore=PC-D008,DL3015\\n"
                + "RUN apt-get update && apt-get install -y curl\\n# hadolint ignore=DL3008\\nRUN apt-get install -y wget");

        assertThat(count(findings, "PC-D008")).isZero();
        assertThat(count(findings, "PC-D015")).isEqualTo(1);
        assertThat(findings.stream().filter(finding -> finding.rule().id().equals("PC-D015")).findFirst().orElseThrow()
                .range().startLine()).isEqualTo(6);
    }
}
