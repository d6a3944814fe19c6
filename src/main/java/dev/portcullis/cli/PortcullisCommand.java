package dev.portcullis.cli;

import dev.portcullis.cli.db.DbCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code portcullis} command; it only groups the subcommands. */
@Command(
        name = "portcullis",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads container images as files, catalogs their packages, matches them against an offline "
                    + "vulnerability database, triages every finding with evidence and writes reports and SBOMs.",
            "",
            "IMAGE is a docker-save tarball, an OCI layout folder (PATH or PATH:TAG), an OCI archive, an "
                    + "unpacked root filesystem folder, a project folder with lockfiles, or a registry reference "
                    + "(registry.example/team/app:1.4, node:20). A prefix forces the kind: oci:, oci-archive:, "
                    + "docker-archive:, dir:, project:, registry:."
        },
        footer = {"", "Exit codes: 0 done, 1 findings at or above --fail-on, 2 unusable input or usage, 3 internal error."},
        subcommands = {ScanCommand.class, SbomCommand.class, LintCommand.class, AuditCommand.class, BaseCommand.class,
                ReportCommand.class, TriageCommand.class, DbCommand.class, ServeCommand.class, UploadCommand.class,
                HelpCommand.class})
final class PortcullisCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new UsageException("a command is required, for example: portcullis scan IMAGE");
    }
}
