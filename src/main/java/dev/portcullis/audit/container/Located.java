package dev.portcullis.audit.container;

import dev.portcullis.audit.SourceLocation;

/** A setting value with the place it was written. */
public record Located(String value, SourceLocation location) {}
