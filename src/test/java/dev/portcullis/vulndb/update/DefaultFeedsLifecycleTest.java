package dev.portcullis.vulndb.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultFeedsLifecycleTest {

    @Test
    void shouldListLifecycleDownloads() {
        List<FeedDownload> downloads = DefaultFeeds.lifecycle();

        assertThat(downloads).extracting(download -> download.uri().toString(), FeedDownload::mirrorPath).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://raw.githubusercontent.com/nodejs/Release/main/schedule.json",
                        "lifecycle/node-schedule.json"),
                org.assertj.core.groups.Tuple.tuple("https://nodejs.org/dist/index.json", "lifecycle/node-index.json"),
                org.assertj.core.groups.Tuple.tuple("https://salsa.debian.org/debian/distro-info-data/-/raw/main/debian.csv",
                        "lifecycle/debian.csv"),
                org.assertj.core.groups.Tuple.tuple("https://salsa.debian.org/debian/distro-info-data/-/raw/main/ubuntu.csv",
                        "lifecycle/ubuntu.csv"),
                org.assertj.core.groups.Tuple.tuple(
                        "https://salsa.debian.org/debian/debian-security-support/-/raw/master/security-support-limited",
                        "lifecycle/security-support-limited"),
                org.assertj.core.groups.Tuple.tuple(
                        "https://salsa.debian.org/debian/debian-security-support/-/raw/master/security-support-ended.deb11",
                        "lifecycle/security-support-ended.deb11"),
                org.assertj.core.groups.Tuple.tuple(
                        "https://salsa.debian.org/debian/debian-security-support/-/raw/master/security-support-ended.deb12",
                        "lifecycle/security-support-ended.deb12"),
                org.assertj.core.groups.Tuple.tuple("https://alpinelinux.org/releases.json", "lifecycle/alpine-releases.json"));
    }

    @Test
    void shouldIncludeLifecycleInDefaults() {
        assertThat(DefaultFeeds.list(List.of(), List.of())).containsAll(DefaultFeeds.lifecycle());
    }
}
