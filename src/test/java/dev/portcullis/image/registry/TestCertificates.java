package dev.portcullis.image.registry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test CA and a server certificate for {@code IP:127.0.0.1} signed by it, made with the
 * {@code openssl} command.
 */
record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

    static final Path OPENSSL = Path.of("/usr/bin/openssl");

    static TestCertificates create(Path folder) throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "TLS registry tests need " + OPENSSL + ": install the Debian package openssl");
        Files.createDirectories(folder);
        Path caKey = folder.resolve("ca.key");
        Path ca = folder.resolve("ca.pem");
        Path key = folder.resolve("server.key");
        Path request = folder.resolve("server.csr");
        Path certificate = folder.resolve("server.pem");
        Path extensions = folder.resolve("server.ext");
        Tools.run(List.of(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", caKey.toString(), "-out", ca.toString(), "-subj", "/CN=Portcullis Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        Tools.run(List.of(OPENSSL.toString(), "req", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", request.toString(), "-subj", "/CN=127.0.0.1"));
        Files.writeString(extensions, """
                subjectAltName=IP:127.0.0.1
                basicConstraints=CA:FALSE
                keyUsage=critical,digitalSignature,keyEncipherment
                extendedKeyUsage=serverAuth
                """);
        Tools.run(List.of(OPENSSL.toString(), "x509", "-req", "-in", request.toString(), "-days", "2",
                "-CA", ca.toString(), "-CAkey", caKey.toString(), "-CAcreateserial",
                "-out", certificate.toString(), "-extfile", extensions.toString()));
        return new TestCertificates(ca, certificate, key);
    }
}
