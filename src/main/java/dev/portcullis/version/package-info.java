/**
 * Version ordering per ecosystem and the version sets that vulnerability data describes.
 *
 * <p>{@link dev.portcullis.version.VersionScheme} compares two versions under one scheme (dpkg, apk,
 * rpm, npm, Maven, PEP 440, Go, RubyGems, generic). {@link dev.portcullis.version.Constraint} reads
 * constraint strings, {@code vers:} ranges, OSV range events and version lists, and decides whether
 * a version is in the set. This package depends on no other Portcullis package.
 */
package dev.portcullis.version;
