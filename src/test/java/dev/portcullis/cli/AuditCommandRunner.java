package dev.portcullis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code portcullis audit} in process and keeps its exit code, standard output and standard error. */
record AuditCommandRunner(int exitCode, String out, String err) {

    static AuditCommandRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.configure(new CommandLine(new AuditCommand()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new AuditCommandRunner(exitCode, out.toString(), err.toString());
    }

    public static void main(String[] args) {
        AuditCommandRunner result = run(args);
        System.out.print(result.out());
        System.err.print(result.err());
        System.err.println("exit " + result.exitCode());
    }
}
