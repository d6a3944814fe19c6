package dev.portcullis.cli;

import dev.portcullis.match.Level;
import dev.portcullis.triage.RiskLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The options of {@code scan} that matching and triage read. */
public final class TriageOptions {

    @Option(names = "--vex", paramLabel = "FILE",
            description = "OpenVEX, CycloneDX VEX or CSAF VEX document to apply; repeatable. Files in"
                    + " .portcullis/vex/ beside a scanned project apply too.")
    List<Path> vex = new ArrayList<>();

    @Option(names = "--dockerfile", paramLabel = "FILE",
            description = "Dockerfile the image or project is built with; its final stage informs triage, and scan"
                    + " reports its lint findings.")
    Path dockerfile;

    @Option(names = "--compose", paramLabel = "FILE",
            description = "Compose file the image is deployed with; repeatable, merged in order. Its published"
                    + " ports, user, read_only, security_opt and cap_drop inform triage, and scan reports its audit"
                    + " findings.")
    List<Path> compose = new ArrayList<>();

    @Option(names = "--service", paramLabel = "NAME",
            description = "The compose service that runs the image, when the compose file has several. Triage reads"
                    + " its settings, and scan audits it alone; without it scan audits every service.")
    String service;

    @Option(names = "--docker-run", paramLabel = "COMMAND",
            description = "The docker run command line the image is deployed with, in quotes. It informs triage,"
                    + " and scan reports its audit findings.")
    String dockerRun;

    @Option(names = "--risk-model", paramLabel = "FILE",
            description = "YAML risk model that overrides the defaults (see docs/triage.md).")
    Path riskModel;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = RiskLevelConverter.class,
            description = "Exit with 1 when a finding's risk level after triage is LEVEL or higher:"
                    + " critical, high, medium, low, minimal.")
    RiskLevel failOn;

    @Option(names = "--fail-on-severity", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Exit with 1 when a finding's raw severity is SEVERITY or higher: critical, high,"
                    + " medium, low, negligible.")
    Level failOnSeverity;

    static final class RiskLevelConverter implements ITypeConverter<RiskLevel> {
        @Override
        public RiskLevel convert(String value) {
            try {
                return RiskLevel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class SeverityConverter implements ITypeConverter<Level> {
        @Override
        public Level convert(String value) {
            return Level.ofWord(value).filter(level -> level != Level.UNKNOWN).orElseThrow(() ->
                    new CommandLine.TypeConversionException("invalid severity '" + value
                            + "': expected critical, high, medium, low or negligible"));
        }
    }
}
