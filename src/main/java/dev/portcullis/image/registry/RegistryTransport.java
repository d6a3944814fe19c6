package dev.portcullis.image.registry;

import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends GET requests to the registry API: responds to an authentication challenge once per request,
 * follows redirects (dropping the {@code Authorization} header when the host changes, since blob
 * redirects usually go to object storage), and retries HTTP 429, 5xx and dropped connections with
 * backoff.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI distribution spec</a>
 */
final class RegistryTransport {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryTransport.class);
    private static final int MAX_REDIRECTS = 10;
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final String USER_AGENT = "portcullis";

    private final RegistryOptions options;
    private final HttpClient http;
    private final RegistryAuthorizer authorizer;
    private final Backoff backoff;

    RegistryTransport(RegistryOptions options, HttpClient http, RegistryAuthorizer authorizer) {
        this.options = options;
        this.http = http;
        this.authorizer = authorizer;
        this.backoff = Backoff.of(options);
    }

    Backoff backoff() {
        return backoff;
    }

    /** Returns {@code http(s)://endpoint/v2/<repository>/<path>}, HTTP only for insecure registries. */
    URI uri(ImageReference ref, String path) {
        String scheme = options.isInsecure(ref.endpoint()) ? "http" : "https";
        return URI.create(scheme + "://" + ref.endpoint() + "/v2/" + ref.repository() + "/" + path);
    }

    /**
     * Sends a GET and returns the successful response with its body still open; the caller closes it.
     *
     * @param what the requested object for messages, starting with "manifest" or "blob"
     * @throws ImageException on any final failure, with a message naming the registry and reference
     */
    HttpResponse<InputStream> get(ImageReference ref, String path, String accept, String what) throws ImageException {
        return send(ref, "GET", path, accept, what);
    }

    /**
     * Sends a HEAD, with the same authentication, redirects and retries as {@link #get}, and returns
     * the successful response, whose headers contain the digest and media type.
     */
    HttpResponse<InputStream> head(ImageReference ref, String path, String accept, String what) throws ImageException {
        HttpResponse<InputStream> response = send(ref, "HEAD", path, accept, what);
        close(response);
        return response;
    }

    private HttpResponse<InputStream> send(ImageReference ref, String method, String path, String accept, String what)
            throws ImageException {
        URI origin = uri(ref, path);
        URI target = origin;
        boolean challenged = false;
        int attempt = 1;
        int redirects = 0;
        while (true) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(request(ref, method, origin, target, accept), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                failUnlessRetryable(ref, attempt, e);
                pause(ref, what, attempt, backoff.delay(attempt, Optional.empty()), e.toString());
                attempt++;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImageException("Interrupted while fetching " + what + " of " + ref, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent() && redirects++ < MAX_REDIRECTS) {
                close(response);
                target = target.resolve(location.get());
                continue;
            }
            Optional<String> challenge = response.headers().firstValue("WWW-Authenticate");
            if (status == 401 && challenge.isPresent() && !challenged) {
                close(response);
                authorizer.authorize(ref, AuthChallenge.parse(challenge.get()));
                challenged = true;
                continue;
            }
            if (status == 401) {
                close(response);
                throw RegistryErrors.unauthorized(ref.endpoint(), ref, authorizer.credentials(ref), authorizer.configHint());
            }
            boolean retryable = status == 429 || status >= 500;
            if (retryable && attempt < options.maxAttempts()) {
                close(response);
                Duration wait = backoff.delay(attempt, response.headers().firstValue("Retry-After"));
                pause(ref, what, attempt, wait, "HTTP " + status);
                attempt++;
                continue;
            }
            String detail = RegistryErrors.detail(errorBody(response));
            throw RegistryErrors.forStatus(ref.endpoint(), ref, what, status, detail, attempt);
        }
    }

    /**
     * Throws the final error for a request failure that retrying will not cure (refused connection,
     * TLS, timeout) or that has used up its attempts.
     */
    void failUnlessRetryable(ImageReference ref, int attempt, IOException e) throws ImageException {
        String endpoint = ref.endpoint();
        if (causedBy(e, ConnectException.class)) {
            throw RegistryErrors.refused(endpoint, ref, e);
        }
        if (causedBy(e, SSLException.class)) {
            throw RegistryErrors.tls(endpoint, ref, e);
        }
        if (causedBy(e, HttpTimeoutException.class)) {
            boolean connecting = causedBy(e, java.net.http.HttpConnectTimeoutException.class);
            throw RegistryErrors.timeout(endpoint, ref,
                    connecting ? options.connectTimeout() : options.requestTimeout(), e);
        }
        if (attempt >= options.maxAttempts()) {
            throw RegistryErrors.dropped(endpoint, ref, attempt, e);
        }
    }

    void pause(ImageReference ref, String what, int attempt, Duration wait, String reason) throws ImageException {
        LOG.warn("Attempt {} of {} to fetch {} of {} failed ({}); retrying in {} ms",
                attempt, options.maxAttempts(), what, ref, reason, wait.toMillis());
        try {
            backoff.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException("Interrupted while waiting to retry " + what + " of " + ref, e);
        }
    }

    private HttpRequest request(ImageReference ref, String method, URI origin, URI target, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(options.requestTimeout())
                .header("User-Agent", USER_AGENT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            builder.header("Accept", accept);
        }
        boolean sameOrigin = Objects.equals(origin.getScheme(), target.getScheme())
                && Objects.equals(origin.getAuthority(), target.getAuthority());
        if (sameOrigin) {
            authorizer.authorization(ref).ifPresent(header -> builder.header("Authorization", header));
        }
        return builder.build();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] errorBody(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return body.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            LOG.debug("Closing a response body from {} failed", response.uri(), e);
        }
    }
}
