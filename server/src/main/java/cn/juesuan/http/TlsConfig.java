package cn.juesuan.http;

import java.nio.file.Path;

/**
 * Where the HTTPS certificate comes from: a PEM certificate (chain) and PEM private key, or a PKCS12 key store.
 *
 * @param certPem  PEM file with the server certificate first, then any intermediates
 * @param keyPem   PEM file with the unencrypted private key (PKCS#8 "PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY")
 * @param keyStore PKCS12 file (.p12 / .pfx) holding the key and its certificate chain
 * @param password password of the PKCS12 file (may be empty)
 */
public record TlsConfig(Path certPem, Path keyPem, Path keyStore, String password) {
    public static TlsConfig pem(Path cert, Path key) {
        return new TlsConfig(cert, key, null, null);
    }

    public static TlsConfig pkcs12(Path keyStore, String password) {
        return new TlsConfig(null, null, keyStore, password == null ? "" : password);
    }

    @Override
    public String toString() { // never print the password
        return keyStore != null ? "PKCS12 " + keyStore : "PEM " + certPem + " + " + keyPem;
    }
}
