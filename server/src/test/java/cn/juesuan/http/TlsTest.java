package cn.juesuan.http;

import cn.juesuan.core.JuesuanException;
import io.javalin.Javalin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS from a PKCS12 key store or PEM files; certificates are made with the JDK's keytool for 127.0.0.1/localhost. */
class TlsTest {
    static final String PASSWORD = "geheim-123";
    @TempDir
    static Path dir;
    static Path p12;
    static Path otherP12;

    static Path keytool(String alias, String file) throws Exception {
        Path out = dir.resolve(file);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", out.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, log);
        return out;
    }

    @BeforeAll
    static void certificates() throws Exception {
        p12 = keytool("server", "server.p12");
        otherP12 = keytool("other", "other.p12");
    }

    static KeyStore load(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** cert.pem and key.pem (PKCS#8, or PKCS#1 "RSA PRIVATE KEY" as office-addin-dev-certs writes it). */
    static TlsConfig pemFiles(Path store, String alias, boolean pkcs1) throws Exception {
        KeyStore ks = load(store);
        Certificate cert = ks.getCertificate(alias);
        PrivateKey key = (PrivateKey) ks.getKey(alias, PASSWORD.toCharArray());
        Path certFile = dir.resolve(alias + (pkcs1 ? "-1" : "-8") + ".crt");
        Path keyFile = dir.resolve(alias + (pkcs1 ? "-1" : "-8") + ".key");
        Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyFile, pkcs1 ? pem("RSA PRIVATE KEY", pkcs1Of(key.getEncoded())) : pem("PRIVATE KEY", key.getEncoded()));
        return TlsConfig.pem(certFile, keyFile);
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its OCTET STRING. */
    static byte[] pkcs1Of(byte[] pkcs8) {
        int i = 1;
        i += lengthBytes(pkcs8, i);                  // outer SEQUENCE header
        i += 3;                                      // INTEGER 0
        i += 1 + lengthBytes(pkcs8, i + 1) + length(pkcs8, i + 1); // AlgorithmIdentifier
        assertEquals(0x04, pkcs8[i]);
        int len = length(pkcs8, i + 1);
        int start = i + 1 + lengthBytes(pkcs8, i + 1);
        return java.util.Arrays.copyOfRange(pkcs8, start, start + len);
    }

    static int lengthBytes(byte[] d, int at) {
        return (d[at] & 0x80) == 0 ? 1 : 1 + (d[at] & 0x7f);
    }

    static int length(byte[] d, int at) {
        if ((d[at] & 0x80) == 0) {
            return d[at];
        }
        int n = 0;
        for (int k = 1; k <= (d[at] & 0x7f); k++) {
            n = (n << 8) | (d[at + k] & 0xff);
        }
        return n;
    }

    /** Starts the server with tls on a free port, GETs /health over https trusting only the test certificate. */
    static void assertServesHttps(TlsConfig tls, Path trusted) throws Exception {
        ServerConfig config = ServerConfig.defaults().withTls(tls).withPort(0);
        Javalin app = HttpApp.create(config).start();
        try {
            HttpResponse<String> r = client(trusted).send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + app.port() + HttpApp.HEALTH)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"ok\""));
        } finally {
            app.stop();
        }
    }

    static HttpClient client(Path trustedStore) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(trustedStore));
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Test
    void servesHttpsFromPkcs12() throws Exception {
        assertServesHttps(TlsConfig.pkcs12(p12, PASSWORD), p12);
    }

    @Test
    void servesHttpsFromPemPkcs8AndPkcs1() throws Exception {
        assertServesHttps(pemFiles(p12, "server", false), p12);
        assertServesHttps(pemFiles(p12, "server", true), p12);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
        ServerConfig config = ServerConfig.defaults().withTls(TlsConfig.pkcs12(p12, PASSWORD)).withPort(0);
        Javalin app = HttpApp.create(config).start();
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("https://localhost:" + app.port() + HttpApp.HEALTH)).build();
            assertThrows(SSLHandshakeException.class, () -> client(otherP12).send(req, HttpResponse.BodyHandlers.ofString()));
        } finally {
            app.stop();
        }
    }

    @Test
    void badCertificatesFailInChinese() throws Exception {
        TlsConfig server = pemFiles(p12, "server", false);
        TlsConfig other = pemFiles(otherP12, "other", false);
        Path encrypted = dir.resolve("enc.key");
        Files.writeString(encrypted, pem("ENCRYPTED PRIVATE KEY", new byte[]{1, 2, 3}));
        Path ec = dir.resolve("ec.key");
        Files.writeString(ec, pem("EC PRIVATE KEY", new byte[]{1, 2, 3}));
        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "not a certificate");
        List<TlsConfig> bad = List.of(
                TlsConfig.pkcs12(p12, "wrong"),
                TlsConfig.pkcs12(dir.resolve("missing.p12"), PASSWORD),
                TlsConfig.pem(server.certPem(), other.keyPem()),   // key of another certificate
                TlsConfig.pem(server.certPem(), encrypted),
                TlsConfig.pem(server.certPem(), ec),
                TlsConfig.pem(server.certPem(), junk),
                TlsConfig.pem(junk, server.keyPem()));
        for (TlsConfig tls : bad) {
            JuesuanException e = assertThrows(JuesuanException.class, () -> Tls.keyStore(tls), tls.toString());
            assertEquals("bad_certificate", e.code(), e.getMessage());
            assertTrue(e.getMessage().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
            assertTrue(!e.getMessage().contains(PASSWORD) && !e.getMessage().contains("wrong"), e.getMessage());
        }
    }
}
