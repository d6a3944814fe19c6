package dev.portcullis.catalog;

/**
 * The operating system release of an image, as its own files name it. Unknown parts are null; an image
 * with no recognizable release files is {@link #UNKNOWN}, never guessed.
 *
 * @param id {@code ID} from os-release, for example {@code debian}, {@code alpine}, {@code rhel}
 * @param versionId {@code VERSION_ID}, for example {@code 12} or {@code 3.20.3}
 * @param codename {@code VERSION_CODENAME}, for example {@code bookworm}
 * @param prettyName {@code PRETTY_NAME}
 */
public record Distro(String id, String versionId, String codename, String prettyName) {

    public static final Distro UNKNOWN = new Distro(null, null, null, null);

    public boolean isKnown() {
        return id != null;
    }
}
