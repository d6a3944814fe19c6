package dev.portcullis.base;

import java.util.List;

/**
 * The registry queries a base check needs. The command line implements it with the registry
 * client, so that this package stays free of network code.
 */
public interface RegistryLookup {

    /**
     * Lists the tags of the reference's repository.
     *
     * @throws RegistryLookupException when the registry cannot be reached or has no such repository
     */
    List<String> tags(ImageReference repository) throws RegistryLookupException;

    /**
     * Finds what the reference's tag points at now.
     *
     * @throws RegistryLookupException when the registry cannot be reached or has no such tag
     */
    UpstreamDigest resolve(ImageReference tag) throws RegistryLookupException;
}
