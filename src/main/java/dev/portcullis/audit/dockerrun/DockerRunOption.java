package dev.portcullis.audit.dockerrun;

/** One option of a docker run command line under its long name, with {@code true} for a bare switch. */
record DockerRunOption(String name, String value) {}
