package dev.portcullis.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so that it always matches the build. */
final class VersionProvider implements IVersionProvider {

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"portcullis " + version()};
    }
}
