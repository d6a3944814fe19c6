package dev.portcullis.lint;

import java.util.Locale;

/** The format a required label's value must have, as Hadolint's label schema defines them. */
public enum LabelType {
    TEXT, URL, SPDX, GITHASH, RFC3339, SEMVER, EMAIL;

    /** Reads a type name such as {@code email}; Hadolint's {@code rawtext} is accepted for {@code text}. */
    public static LabelType parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (name.equals("RAWTEXT")) {
            return TEXT;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid label type \"" + text
                    + "\"; use text, url, spdx, githash, rfc3339, semver or email", e);
        }
    }
}
