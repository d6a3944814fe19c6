package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the tags of a repository page by page. A registry that has more tags than fit on one page
 * names the next page in a {@code Link} header, for example
 * {@code </v2/library/node/tags/list?n=100&last=20.18.0>; rel="next"}. Pages are followed until
 * that header is missing.
 *
 * <pre>{@code
 * GET /v2/library/node/tags/list?n=100 -> {"name":"library/node","tags":["20","20.18.0-bookworm-slim"]}
 * }</pre>
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-tags">OCI
 *     distribution: listing tags</a>
 */
final class TagLister {

    private static final Logger LOG = LoggerFactory.getLogger(TagLister.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
    private static final int MAX_PAGE_BYTES = 16 * 1024 * 1024;
    // An estimate: official images such as node have thousands of tags, well below 1000 pages of 100,
    // and a registry that keeps naming the same next page still ends.
    private static final int MAX_PAGES = 1000;

    private final RegistryTransport transport;

    TagLister(RegistryTransport transport) {
        this.transport = transport;
    }

    /** Returns every tag of the reference's repository in the order the registry lists them, without duplicates. */
    List<String> list(ImageReference ref, int pageSize) throws ImageException {
        Set<String> tags = new LinkedHashSet<>();
        String path = "tags/list?n=" + pageSize;
        for (int page = 1; path != null; page++) {
            if (page > MAX_PAGES) {
                LOG.warn("Registry {} named more than {} pages of tags of {}; the list is cut there",
                        ref.endpoint(), MAX_PAGES, ref.repository());
                break;
            }
            HttpResponse<InputStream> response = transport.get(ref, path, "application/json", "tag list");
            tags.addAll(readTags(ref, response));
            path = nextPage(response).orElse(null);
        }
        LOG.debug("Registry {} lists {} tags of {}", ref.endpoint(), tags.size(), ref.repository());
        return new ArrayList<>(tags);
    }

    private static List<String> readTags(ImageReference ref, HttpResponse<InputStream> response) throws ImageException {
        JsonNode root;
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_PAGE_BYTES + 1);
            if (bytes.length > MAX_PAGE_BYTES) {
                throw new ImageException("Tag list of " + ref.repository() + " on registry " + ref.endpoint()
                        + " is larger than " + MAX_PAGE_BYTES + " bytes per page, the limit for tag lists");
            }
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ImageException("Reading the tag list of " + ref.repository() + " from registry " + ref.endpoint()
                    + " failed: " + e.getMessage() + ". Try again", e);
        }
        List<String> tags = new ArrayList<>();
        // A repository without tags may list "tags": null.
        root.path("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    /** Returns the path after the repository of the next page, {@code tags/list?n=..&last=..}, when the registry names one. */
    static Optional<String> nextPage(HttpResponse<?> response) {
        for (String link : response.headers().allValues("Link")) {
            Matcher next = NEXT_LINK.matcher(link);
            if (next.find()) {
                URI target = response.uri().resolve(next.group(1));
                return Optional.ofNullable(target.getRawQuery()).map(query -> "tags/list?" + query);
            }
        }
        return Optional.empty();
    }
}
