package cn.juesuan.http;

import cn.juesuan.core.JuesuanException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTPS for the embedded Jetty: a key store from PEM or PKCS12, checked when the server starts. */
public final class Tls {
    private static final String ALIAS = "juesuan";
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
            0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private Tls() {
    }

    /** An HTTPS connector on host:port for Javalin's jetty.addConnector. */
    public static Connector connector(Server server, HttpConfiguration base, ServerConfig config) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore(config.tls()));
        ssl.setKeyStorePassword("");
        HttpConfiguration https = new HttpConfiguration(base);
        https.setSecureScheme("https");
        https.addCustomizer(new SecureRequestCustomizer(false)); // an intranet alias of the certified name still works
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        c.setHost(config.host());
        c.setPort(config.port());
        return c;
    }

    /** The configured key and chain in an in-memory key store with an empty password. */
    public static KeyStore keyStore(TlsConfig tls) {
        try {
            PrivateKey key;
            List<Certificate> chain;
            if (tls.keyStore() != null) {
                KeyStore p12 = KeyStore.getInstance("PKCS12");
                char[] pw = tls.password().toCharArray();
                try (InputStream in = Files.newInputStream(tls.keyStore())) {
                    p12.load(in, pw);
                } catch (IOException e) {
                    if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                        throw bad("密钥库 " + tls.keyStore() + " 的密码不对（用 --keystore-password 或环境变量 JUESUAN_KEYSTORE_PASSWORD 提供）。");
                    }
                    throw e;
                }
                String alias = Collections.list(p12.aliases()).stream().filter(a -> isKey(p12, a)).findFirst()
                        .orElseThrow(() -> bad("密钥库 " + tls.keyStore() + " 里没有私钥，只有证书。"));
                key = (PrivateKey) p12.getKey(alias, pw);
                chain = List.of(p12.getCertificateChain(alias));
            } else {
                chain = certificates(tls.certPem());
                key = privateKey(tls.keyPem());
            }
            checkPair(key, chain.get(0), tls);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, new char[0], chain.toArray(Certificate[]::new));
            return ks;
        } catch (NoSuchFileException e) {
            throw bad("找不到证书文件：" + e.getFile());
        } catch (IOException | GeneralSecurityException e) {
            throw bad("无法读取证书（" + tls + "）：" + e.getMessage());
        }
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<Certificate> certs = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certs.isEmpty()) {
                throw bad("证书文件 " + pem + " 里没有 PEM 证书（-----BEGIN CERTIFICATE-----）。");
            }
            return certs;
        } catch (java.security.cert.CertificateException e) {
            throw bad("证书文件 " + pem + " 不是 PEM 格式的证书：" + e.getMessage());
        }
    }

    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        Matcher m = PEM_KEY.matcher(Files.readString(pem, StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw bad("私钥文件 " + pem + " 里没有 PEM 私钥（-----BEGIN PRIVATE KEY-----）。");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        switch (m.group(1)) {
            case "ENCRYPTED PRIVATE KEY" -> throw bad("私钥文件 " + pem + " 设了密码。请改用 PKCS12（--keystore），"
                    + "或先解密：openssl pkcs8 -in 加密.key -out 私钥.key");
            case "EC PRIVATE KEY" -> throw bad("私钥文件 " + pem + " 是 SEC1 格式的 EC 私钥。请转成 PKCS#8："
                    + "openssl pkcs8 -topk8 -nocrypt -in " + pem.getFileName() + " -out 私钥.key");
            case "RSA PRIVATE KEY" -> der = pkcs8(RSA_ALGORITHM, der);
            default -> { }
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String alg : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // next algorithm
            }
        }
        throw bad("私钥文件 " + pem + " 无法识别（支持 RSA、EC、Ed25519 的 PKCS#8 私钥和 PKCS#1 RSA 私钥）。");
    }

    /** PrivateKeyInfo { version 0, algorithm, OCTET STRING inner } (RFC 5208). */
    private static byte[] pkcs8(byte[] algorithm, byte[] inner) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[]{0x02, 0x01, 0x00});
        body.writeBytes(algorithm);
        body.writeBytes(der(0x04, inner));
        return der(0x30, body.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** The key must belong to the first certificate: sign and verify a probe. */
    private static void checkPair(PrivateKey key, Certificate cert, TlsConfig tls) throws GeneralSecurityException {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        byte[] probe = "juesuan".getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance(alg);
        s.initSign(key);
        s.update(probe);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(alg);
        boolean ok;
        try {
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            ok = v.verify(sig);
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        if (!ok) {
            throw bad("私钥与证书不匹配（" + tls + "）：请确认两者是同一次生成的。");
        }
    }

    private static JuesuanException bad(String message) {
        return JuesuanException.badRequest("bad_certificate", message);
    }
}
