/**
 * Matching of an inventory's packages against the vulnerability database: distro packages by
 * release and source package, language packages by their OSV ecosystem, the Node.js runtime by the
 * Node.js security working group's core index. One {@link dev.portcullis.match.Finding} per package
 * and vulnerability, with every id the sources use for it.
 */
package dev.portcullis.match;
