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
        // TODO: NVD CVE records need the paged CVE API 2.0 and an API key; import NVD files with `db import` until then.
        return downloads;
    }
}
