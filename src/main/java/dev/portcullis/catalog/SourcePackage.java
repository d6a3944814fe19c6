package dev.portcullis.catalog;

/**
 * The source package a distro binary package was built from. Security trackers key their records by
 * source package, so matching uses this name.
 *
 * @param version the source version, which can differ from the binary version and can lack its epoch
 */
public record SourcePackage(String name, String version) {}
