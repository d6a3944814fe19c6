package dev.portcullis.triage.reachability;

import dev.portcullis.catalog.Package;

/**
 * The reachability of one installed npm package.
 *
 * @param packageJson path of the package's package.json, which identifies the installed copy
 */
public record PackageReachability(Package pkg, String packageJson, Reachability reachability) {}
