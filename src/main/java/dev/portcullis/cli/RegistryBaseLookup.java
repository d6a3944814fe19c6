package dev.portcullis.cli;

import dev.portcullis.base.ImageReference;
import dev.portcullis.base.RegistryLookup;
import dev.portcullis.base.RegistryLookupException;
import dev.portcullis.base.UpstreamDigest;
import dev.portcullis.image.ImageException;
import dev.portcullis.image.registry.RegistryClient;
import dev.portcullis.image.registry.RegistryOptions;
import dev.portcullis.image.registry.TagDigest;
import java.util.List;

/**
 * Runs the base check's registry queries with the registry client, honouring
 * {@code --insecure-registry}, {@code --registry-ca} and the Docker credentials like {@code scan}.
 * The client is opened on the first query, so a report without registry references opens none.
 */
final class RegistryBaseLookup implements RegistryLookup, AutoCloseable {

    private final RegistryOptions options;
    private RegistryClient client;

    RegistryBaseLookup(RegistryOptions options) {
        this.options = options;
    }

    @Override
    public List<String> tags(ImageReference repository) throws RegistryLookupException {
        try {
            return client().listTags(repository.toString());
        } catch (ImageException e) {
            throw new RegistryLookupException(e.getMessage(), e);
        }
    }

    @Override
    public UpstreamDigest resolve(ImageReference tag) throws RegistryLookupException {
        try {
            TagDigest digest = client().resolveTag(tag.registry() + "/" + tag.repository() + ":" + tag.tag());
            return new UpstreamDigest(digest.digest(), digest.manifestDigests());
        } catch (ImageException e) {
            throw new RegistryLookupException(e.getMessage(), e);
        }
    }

    private RegistryClient client() throws ImageException {
        if (client == null) {
            client = new RegistryClient(options);
        }
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
