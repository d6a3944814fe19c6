package dev.portcullis.vulndb.feed;

import java.util.Map;

/**
 * Maps Debian codenames to the release keys the database uses ({@code bookworm} to
 * {@code debian:12}, {@code sid} to {@code debian:unstable}).
 */
final class DebianReleases {

    private static final Map<String, String> NUMBERS = Map.ofEntries(
            Map.entry("etch", "4"),
            Map.entry("lenny", "5"),
            Map.entry("squeeze", "6"),
            Map.entry("wheezy", "7"),
            Map.entry("jessie", "8"),
            Map.entry("stretch", "9"),
            Map.entry("buster", "10"),
            Map.entry("bullseye", "11"),
            Map.entry("bookworm", "12"),
            Map.entry("trixie", "13"),
            Map.entry("forky", "14"),
            Map.entry("duke", "15"),
            Map.entry("sid", "unstable"),
            Map.entry("unstable", "unstable"),
            Map.entry("experimental", "experimental"));

    private DebianReleases() {}

    /**
     * Returns the release key for a codename. A codename this table does not know yet keeps its
     * name ({@code debian:<codename>}), so its data is stored rather than lost.
     */
    static String key(String codename) {
        return "debian:" + NUMBERS.getOrDefault(codename, codename);
    }
}
