package dev.portcullis.catalog.rpm;

import dev.portcullis.catalog.LayerAttribution;
import java.util.ArrayList;
import java.util.List;

/**
 * One installed rpm package, read from its header.
 *
 * @param epoch the EPOCH tag, or null when the package has none
 * @param sourceRpm the SOURCERPM tag, for example {@code openssl-1.1.1k-15.cm2.src.rpm}, or null
 * @param files absolute paths from DIRNAMES, DIRINDEXES and BASENAMES (or OLDFILENAMES in old headers)
 */
record RpmEntry(
        String name,
        String version,
        String release,
        Integer epoch,
        String architecture,
        String sourceRpm,
        String license,
        String vendor,
        List<String> files) {

    /** Returns the version as rpm prints it: {@code [epoch:]version-release}. */
    String fullVersion() {
        String versionRelease = release == null ? version : version + "-" + release;
        return epoch == null ? versionRelease : epoch + ":" + versionRelease;
    }

    String key() {
        return LayerAttribution.key(name, fullVersion(), architecture);
    }

    /**
     * Reads the tags of a header.
     *
     * @throws IllegalArgumentException when NAME or VERSION is missing or the file lists are inconsistent
     */
    static RpmEntry from(RpmHeader header) {
        String name = header.string(RpmHeader.NAME);
        String version = header.string(RpmHeader.VERSION);
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
            throw new IllegalArgumentException("the header has no NAME or VERSION tag");
        }
        int[] epochs = header.int32s(RpmHeader.EPOCH);
        return new RpmEntry(name, version, header.string(RpmHeader.RELEASE), epochs.length > 0 ? epochs[0] : null,
                header.string(RpmHeader.ARCH), header.string(RpmHeader.SOURCERPM), header.string(RpmHeader.LICENSE),
                header.string(RpmHeader.VENDOR), files(header, name));
    }

    private static List<String> files(RpmHeader header, String name) {
        List<String> baseNames = header.strings(RpmHeader.BASENAMES);
        if (baseNames.isEmpty()) {
            return header.strings(RpmHeader.OLDFILENAMES);
        }
        List<String> dirNames = header.strings(RpmHeader.DIRNAMES);
        int[] dirIndexes = header.int32s(RpmHeader.DIRINDEXES);
        if (dirIndexes.length != baseNames.size()) {
            throw new IllegalArgumentException("the header of " + name + " has " + baseNames.size()
                    + " BASENAMES but " + dirIndexes.length + " DIRINDEXES");
        }
        List<String> files = new ArrayList<>(baseNames.size());
        for (int i = 0; i < baseNames.size(); i++) {
            if (dirIndexes[i] < 0 || dirIndexes[i] >= dirNames.size()) {
                throw new IllegalArgumentException("the header of " + name + " has DIRINDEXES " + dirIndexes[i]
                        + " but only " + dirNames.size() + " DIRNAMES");
            }
            files.add(dirNames.get(dirIndexes[i]) + baseNames.get(i));
        }
        return List.copyOf(files);
    }
}
