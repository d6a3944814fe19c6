package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Responds to registry challenges and keeps the resulting {@code Authorization} header per repository.
 * A Basic challenge gets the stored user and password; a Bearer challenge sends them (or nothing, for
 * anonymous access) to the token endpoint named by {@code realm} and uses the returned token.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">registry token auth</a>
 * @see <a href="https://distribution.github.io/distribution/spec/auth/oauth/">OAuth2 refresh-token grant</a>
 */
final class RegistryAuthorizer {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryAuthorizer.class);
    private static final String CLIENT_ID = "portcullis";

    private final RegistryOptions options;
    private final HttpClient http;
    private final DockerCredentialStore store;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Optional<RegistryCredentials>> credentialsByRegistry = new HashMap<>();
    private final Map<String, String> authorizationByRepository = new HashMap<>();

    RegistryAuthorizer(RegistryOptions options, HttpClient http, DockerCredentialStore store) {
        this.options = options;
        this.http = http;
        this.store = store;
    }

    Optional<String> authorization(ImageReference ref) {
        return Optional.ofNullable(authorizationByRepository.get(key(ref)));
    }

    /** Returns the stored credentials for the reference's registry, or null for anonymous access. */
    RegistryCredentials credentials(ImageReference ref) throws ImageException {
        Optional<RegistryCredentials> cached = credentialsByRegistry.get(ref.registry());
        if (cached == null) {
            cached = store.find(ref.registry());
            credentialsByRegistry.put(ref.registry(), cached);
            LOG.debug("Credentials for {}: {}", ref.registry(), cached.map(Object::toString).orElse("anonymous"));
        }
        return cached.orElse(null);
    }

    /**
     * Works out the {@code Authorization} header that satisfies a challenge and keeps it for the
     * reference's repository.
     *
     * @throws ImageException when the credentials are missing or rejected, or the token endpoint fails
     */
    void authorize(ImageReference ref, AuthChallenge challenge) throws ImageException {
        RegistryCredentials credentials = credentials(ref);
        String header = switch (challenge.scheme()) {
            case "basic" -> {
                if (credentials == null || credentials.identityToken()) {
                    throw RegistryErrors.unauthorized(ref.endpoint(), ref, null, configHint());
                }
                yield credentials.basicAuthorization();
            }
            case "bearer" -> "Bearer " + fetchToken(ref, challenge, credentials);
            default -> throw new ImageException("Registry " + ref.endpoint() + " asks for the unsupported"
                    + " authentication scheme '" + challenge.scheme() + "' for " + ref
                    + ". Only Basic and Bearer token authentication are supported");
        };
        authorizationByRepository.put(key(ref), header);
    }

    String configHint() {
        return options.dockerConfig() == null ? "the Docker config file" : options.dockerConfig().toString();
    }

    private String fetchToken(ImageReference ref, AuthChallenge challenge, RegistryCredentials credentials)
            throws ImageException {
        String realm = challenge.parameter("realm");
        if (realm == null || realm.isBlank()) {
            throw new ImageException("Registry " + ref.endpoint() + " sent a Bearer challenge without a realm for "
                    + ref + ", so no token endpoint is known");
        }
        URI realmUri = checkedRealm(ref, realm);
        String scope = Optional.ofNullable(challenge.parameter("scope"))
                .orElse("repository:" + ref.repository() + ":pull");
        String service = challenge.parameter("service");
        HttpRequest request = credentials != null && credentials.identityToken()
                ? refreshTokenRequest(realmUri, service, scope, credentials)
                : tokenRequest(realmUri, service, scope, credentials);
        HttpResponse<byte[]> response = send(ref, realmUri, request);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw RegistryErrors.unauthorized(ref.endpoint(), ref, credentials, configHint());
        }
        if (status != 200) {
            throw new ImageException("Token endpoint " + realmUri + " of registry " + ref.endpoint()
                    + " returned HTTP " + status + " for " + ref + ": " + RegistryErrors.detail(response.body()));
        }
        return tokenFrom(ref, realmUri, response.body());
    }

    private URI checkedRealm(ImageReference ref, String realm) throws ImageException {
        URI uri;
        try {
            uri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new ImageException("Registry " + ref.endpoint() + " named an invalid token realm '" + realm + "'", e);
        }
        String hostAndPort = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        boolean allowed = "https".equals(uri.getScheme())
                || ("http".equals(uri.getScheme()) && options.isInsecure(hostAndPort));
        if (!allowed) {
            throw new ImageException("Registry " + ref.endpoint() + " sends token requests to " + realm
                    + ", which is not HTTPS. Allow plain HTTP to it with --insecure-registry " + hostAndPort
                    + " only if the network is trusted");
        }
        return uri;
    }

    private HttpRequest tokenRequest(URI realm, String service, String scope, RegistryCredentials credentials) {
        StringBuilder query = new StringBuilder();
        if (service != null) {
            query.append("service=").append(encode(service)).append('&');
        }
        query.append("scope=").append(encode(scope));
        String separator = realm.getRawQuery() == null ? "?" : "&";
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(realm + separator + query))
                .timeout(options.requestTimeout())
                .GET();
        if (credentials != null) {
            builder.header("Authorization", credentials.basicAuthorization());
        }
        return builder.build();
    }

    private HttpRequest refreshTokenRequest(URI realm, String service, String scope, RegistryCredentials credentials) {
        String form = "grant_type=refresh_token&client_id=" + CLIENT_ID
                + (service == null ? "" : "&service=" + encode(service))
                + "&scope=" + encode(scope)
                + "&refresh_token=" + encode(credentials.secret());
        return HttpRequest.newBuilder(realm)
                .timeout(options.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private HttpResponse<byte[]> send(ImageReference ref, URI realm, HttpRequest request) throws ImageException {
        String endpoint = realm.getAuthority();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw RegistryErrors.refused(endpoint, ref, e);
        } catch (SSLException e) {
            throw RegistryErrors.tls(endpoint, ref, e);
        } catch (java.net.http.HttpTimeoutException e) {
            throw RegistryErrors.timeout(endpoint, ref, options.requestTimeout(), e);
        } catch (IOException e) {
            throw RegistryErrors.dropped(endpoint, ref, 1, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException("Interrupted while fetching a registry token for " + ref, e);
        }
    }

    private String tokenFrom(ImageReference ref, URI realm, byte[] body) throws ImageException {
        try {
            JsonNode node = json.readTree(body);
            String token = node.path("token").asText(node.path("access_token").asText(""));
            if (!token.isEmpty()) {
                return token;
            }
        } catch (IOException e) {
            // Reported below without the body, which could hold a secret.
        }
        throw new ImageException("Token endpoint " + realm + " of registry " + ref.endpoint()
                + " returned no token for " + ref + ": expected JSON with a token or access_token field");
    }

    private static String key(ImageReference ref) {
        return ref.registry() + "/" + ref.repository();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
