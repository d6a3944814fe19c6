package dev.portcullis.catalog.java;

import java.io.IOException;

/** Thrown when an archive entry inflates past a limit of {@link ArchiveLimits}. */
final class ArchiveTooLargeException extends IOException {

    ArchiveTooLargeException(String message) {
        super(message);
    }
}
