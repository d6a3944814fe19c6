package dev.portcullis.image.registry;

import dev.portcullis.image.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the TLS context for registries: the JDK's trusted CAs plus those of an optional PEM file. */
final class TlsContexts {

    private TlsContexts() {}

    /**
     * Returns the JDK's default context when there is no CA file, else one that trusts the JDK's CAs
     * and every certificate in the file.
     *
     * @throws ImageException when the file cannot be read or contains no certificate
     */
    static SSLContext forCaFile(Path caFile) throws ImageException {
        try {
            if (caFile == null) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (X509Certificate jdkCa : jdkTrustManager().getAcceptedIssuers()) {
                trusted.setCertificateEntry("jdk-" + index++, jdkCa);
            }
            Collection<? extends Certificate> extra = readCertificates(caFile);
            index = 0;
            for (Certificate certificate : extra) {
                trusted.setCertificateEntry("registry-ca-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ImageException("Cannot set up TLS with the registry CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> readCertificates(Path caFile) throws ImageException {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new ImageException("Registry CA file " + caFile + " contains no certificate: expected PEM"
                        + " blocks starting with -----BEGIN CERTIFICATE-----. Pass a PEM file of CA certificates"
                        + " with --registry-ca");
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new ImageException("Cannot read the registry CA file " + caFile + ": " + e.getMessage()
                    + ". Pass a PEM file of CA certificates with --registry-ca", e);
        }
    }

    private static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
    }
}
