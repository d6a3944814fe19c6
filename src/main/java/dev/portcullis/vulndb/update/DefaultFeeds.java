package dev.portcullis.vulndb.update;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The publishers' addresses of every feed {@code db update} fetches. Mirrors use the layout of
 * {@link FeedDownload#mirrorPath()}:
 *
 * <pre>
 * osv/&lt;ecosystem&gt;/all.zip                  OSV export per ecosystem, for example osv/npm/all.zip
 * debian/tracker.json                      Debian security tracker JSON export
 * alpine/&lt;branch&gt;/main.json, community.json  Alpine secdb, for example alpine/v3.20/main.json
 * nodejs/core/index.json                   Node.js security working group core index
 * kev/known_exploited_vulnerabilities.json CISA KEV catalog
 * epss/epss_scores-current.csv.gz          FIRST EPSS scores of the day
 * lifecycle/node-schedule.json             Node.js release schedule (nodejs/Release)
 * lifecycle/node-index.json                Node.js versions index with security flags
 * lifecycle/debian.csv, ubuntu.csv         distro-info-data release dates
 * lifecycle/security-support-limited       debian-security-support limited list
 * lifecycle/security-support-ended.debNN   debian-security-support ended list per release
 * lifecycle/alpine-releases.json           Alpine release branches
 * </pre>
 *
 * @see <a href="https://google.github.io/osv.dev/data">OSV data sources and dumps</a>
 */
public final class DefaultFeeds {

    /** The OSV ecosystems of language packages; distros come from their own feeds. */
    public static final List<String> OSV_ECOSYSTEMS =
            List.of("npm", "Maven", "PyPI", "Go", "crates.io", "RubyGems", "NuGet", "Packagist");

    // NOTE: the Alpine branches with secdb files when this was written; pass --alpine-branch to change them.
    public static final List<String> ALPINE_BRANCHES = List.of("v3.20", "v3.21", "v3.22", "v3.23", "v3.24");

    private DefaultFeeds() {}

    // NOTE: the releases with an ended list in debian-security-support 1:12+2026.06.30; add newer ones with their lists.
    public static final List<String> DEBIAN_SECURITY_SUPPORT_RELEASES = List.of("11", "12");

    /** Lists the downloads of the lifecycle data that {@code portcullis base} judges base images with. */
    public static List<FeedDownload> lifecycle() {
        List<FeedDownload> downloads = new ArrayList<>();
        downloads.add(new FeedDownload(URI.create("https://raw.githubusercontent.com/nodejs/Release/main/schedule.json"),
                "lifecycle/node-schedule.json"));
        downloads.add(new FeedDownload(URI.create("https://nodejs.org/dist/index.json"), "lifecycle/node-index.json"));
        for (String distro : List.of("debian", "ubuntu")) {
            downloads.add(new FeedDownload(
                    URI.create("https://salsa.debian.org/debian/distro-info-data/-/raw/main/" + distro + ".csv"),
                    "lifecycle/" + distro + ".csv"));
        }
        // NOTE: the salsa.debian.org raw addresses and branch names were written without fetching them; --mirror replaces them.
        String securitySupport = "https://salsa.debian.org/debian/debian-security-support/-/raw/master/";
        downloads.add(new FeedDownload(URI.create(securitySupport + "security-support-limited"),
                "lifecycle/security-support-limited"));
        for (String release : DEBIAN_SECURITY_SUPPORT_RELEASES) {
            downloads.add(new FeedDownload(URI.create(securitySupport + "security-support-ended.deb" + release),
                    "lifecycle/security-support-ended.deb" + release));
        }
        downloads.add(new FeedDownload(URI.create("https://alpinelinux.org/releases.json"), "lifecycle/alpine-releases.json"));
        // NOTE: endoflife.date is an optional extra: import its product files with `db import` when needed.
        return downloads;
    }

    /** Lists the downloads for the given OSV ecosystems and Alpine branches plus every other feed. */
    public static List<FeedDownload> list(List<String> osvEcosystems, List<String> alpineBranches) {
        List<FeedDownload> downloads = new ArrayList<>();
        for (String ecosystem : osvEcosystems) {
            downloads.add(new FeedDownload(
                    URI.create("https://osv-vulnerabilities.storage.googleapis.com/" + ecosystem + "/all.zip"),
                    "osv/" + ecosystem + "/all.zip"));
        }
        downloads.add(new FeedDownload(URI.create("https://security-tracker.debian.org/tracker/data/json"),
                "debian/tracker.json"));
        for (String branch : alpineBranches) {
            for (String repository : List.of("main", "community")) {
                downloads.add(new FeedDownload(
                        URI.create("https://secdb.alpinelinux.org/" + branch + "/" + repository + ".json"),
                        "alpine/" + branch + "/" + repository + ".json"));
            }
        }
        downloads.add(new FeedDownload(
                URI.create("https://raw.githubusercontent.com/nodejs/security-wg/main/vuln/core/index.json"),
                "nodejs/core/index.json"));
        downloads.add(new FeedDownload(
                URI.create("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json"),
                "kev/known_exploited_vulnerabilities.json"));
        // NOTE: this EPSS address comes from third-party guides, not from FIRST's own pages; --mirror replaces it.
        downloads.add(new FeedDownload(URI.create("https://epss.cyentia.com/epss_scores-current.csv.gz"),
                "epss/epss_scores-current.csv.gz"));
        downloads.addAll(lifecycle());
        // TODO: NVD CVE records need the paged CVE API 2.0 and an API key; import NVD files with `db import` until then.
        return downloads;
    }
}
