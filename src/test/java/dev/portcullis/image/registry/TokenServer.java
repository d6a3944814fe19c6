package dev.portcullis.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry token server on 127.0.0.1, as {@code docker-registry}'s {@code auth: token} expects: it
 * checks Basic credentials (or an OAuth2 refresh token sent by POST) and returns a JWT signed with
 * RS256 whose {@code x5c} header carries the signing certificate. Anonymous callers get a token that
 * grants nothing.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/jwt/">token format</a>
 */
final class TokenServer implements AutoCloseable {

    static final String ISSUER = "portcullis-test-issuer";
    static final String SERVICE = "portcullis-test-registry";

    private final HttpServer server;
    private final PrivateKey signingKey;
    private final String certificateDer;
    private final String user;
    private final String password;
    private final String refreshToken;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger authenticatedRequests = new AtomicInteger();

    TokenServer(Path signingKeyPem, Path certificatePem, String user, String password, String refreshToken)
            throws Exception {
        this.signingKey = readKey(signingKeyPem);
        try (var in = Files.newInputStream(certificatePem)) {
            this.certificateDer = Base64.getEncoder().encodeToString(
                    CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded());
        }
        this.user = user;
        this.password = password;
        this.refreshToken = refreshToken;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String realm() {
        return "http://" + endpoint() + "/token";
    }

    int authenticatedRequests() {
        return authenticatedRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> parameters = parameters(exchange);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String subject;
            if (exchange.getRequestMethod().equals("POST")) {
                subject = refreshToken.equals(parameters.get("refresh_token")) ? user : null;
            } else if (authorization == null) {
                subject = "";
            } else {
                String expected = "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
                subject = expected.equals(authorization) ? user : null;
            }
            if (subject == null) {
                send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"invalid credentials\"}]}");
                return;
            }
            if (!subject.isEmpty()) {
                authenticatedRequests.incrementAndGet();
            }
            String token = token(subject, subject.isEmpty() ? null : parameters.get("scope"));
            send(exchange, 200, "{\"token\":\"" + token + "\",\"access_token\":\"" + token + "\",\"expires_in\":300}");
        } catch (Exception e) {
            throw new IOException("token server failed", e);
        }
    }

    private String token(String subject, String scope) throws Exception {
        ObjectNode header = json.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(certificateDer);
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = json.createObjectNode()
                .put("iss", ISSUER).put("sub", subject).put("aud", SERVICE)
                .put("exp", now + 300).put("nbf", now - 10).put("iat", now)
                .put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        if (scope != null) {
            String[] parts = scope.split(":");
            ObjectNode grant = access.addObject().put("type", parts[0]).put("name", parts[1]);
            ArrayNode actions = grant.putArray("actions");
            List.of(parts[2].split(",")).forEach(actions::add);
        }
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed = url.encodeToString(json.writeValueAsBytes(header)) + "."
                + url.encodeToString(json.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(signingKey);
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + url.encodeToString(rsa.sign());
    }

    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestMethod().equals("POST")
                ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : exchange.getRequestURI().getRawQuery();
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static PrivateKey readKey(Path pem) throws Exception {
        String base64 = Files.readString(pem)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
