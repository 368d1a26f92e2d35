package cn.juesuan.cli;

import cn.juesuan.addin.ManifestLint;
import cn.juesuan.http.ServerConfig;
import cn.juesuan.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `manifest` and the HTTPS / add-in options of `serve`. */
class CliAddinTest {
    @Test
    void manifestIsWrittenForTheOrigin(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("manifest.xml");
        Cli r = Cli.run("manifest", "--origin", "https://juesuan.example:8443", "-o", out.toString());
        assertEquals(0, r.code(), r.toString());
        String xml = Files.readString(out);
        assertTrue(xml.contains("<AppDomain>https://juesuan.example:8443</AppDomain>"));
        assertEquals(List.of(), ManifestLint.check(xml));
        Cli toStdout = Cli.run("manifest", "--origin", "https://localhost:8443");
        assertEquals(0, toStdout.code());
        assertTrue(toStdout.out().contains("<AppDomain>https://localhost:8443</AppDomain>"));
    }

    @Test
    void manifestNeedsAnHttpsOrigin() {
        Cli http = Cli.run("manifest", "--origin", "http://localhost:8080", "-o", "target/never.xml");
        assertEquals(2, http.code(), http.toString());
        assertTrue(http.err().contains("https"), http.err());
        assertFalse(Files.exists(Path.of("target/never.xml")));
        Cli missing = Cli.run("manifest");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--origin") && missing.err().contains("用法"), missing.err());
    }

    static ServerConfig serve(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "serve";
        System.arraycopy(options, 0, args, 1, options.length);
        Main.Command serve = Main.COMMANDS.stream().filter(c -> c.name().equals("serve")).findFirst().orElseThrow();
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.serveConfig(Main.parse(serve, args, sink, sink, Fixtures::registry), Fixtures.registry());
    }

    @Test
    void plainHttpOnLoopbackStaysTheDefault() {
        ServerConfig c = serve();
        assertEquals("127.0.0.1", c.host());
        assertEquals(8080, c.port());
        assertNull(c.tls());
        assertNull(c.publicOrigin());
        assertEquals("http", c.scheme());
    }

    @Test
    void httpsOptionsNeedEachOther() {
        for (String[] bad : List.of(new String[]{"--https-cert", "a.pem"}, new String[]{"--https-key", "a.key"},
                new String[]{"--origin", "https://h:8443"}, new String[]{"--keystore-password", "x"},
                new String[]{"--keystore", "a.p12", "--https-cert", "a.pem"})) {
            assertThrows(Main.UsageException.class, () -> serve(bad), String.join(" ", bad));
        }
        Cli r = Cli.run("serve", "--https-cert", "target/no-such.pem", "--https-key", "target/no-such.key");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("找不到证书文件"), r.err());
        Cli js = Cli.run("serve", "--office-js", "target/no-office-js");
        assertEquals(2, js.code(), js.toString());
        assertTrue(js.err().contains("@microsoft/office-js"), js.err());
        Cli origin = Cli.run("serve", "--allow-origin", "https://ok.example,http://bad.example");
        assertEquals(2, origin.code(), origin.toString());
    }

    @Test
    void allowedOriginsAndOfficeJsFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("office.js"), "//");
        ServerConfig c = serve("--allow-origin", "https://a.example, https://B.example:9443/", "--office-js", dir.toString());
        assertEquals(List.of("https://a.example", "https://b.example:9443"), c.allowedOrigins());
        assertEquals(dir, c.officeJsDir());
    }

    @Test
    void serveRefusesAnOpenAddressWithoutATokenAndAWeakToken() throws Exception {
        String port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = String.valueOf(free.getLocalPort());
        }
        // a bug here would start the server and block: fail after a minute instead of hanging the build
        Cli open = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Cli.run(Fixtures::registry, "serve", "--host", "0.0.0.0", "--port", port));
        assertEquals(Main.BAD_INPUT, open.code(), open.toString());
        assertTrue(open.err().contains("拒绝启动") && open.err().contains("--token") && open.err().contains("JUESUAN_TOKEN"), open.err());
        assertFalse(open.err().contains("Exception"), open.err());
        Cli weak = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Cli.run(Fixtures::registry, "serve", "--host", "0.0.0.0", "--port", port, "--token", "geheim"));
        assertEquals(Main.BAD_INPUT, weak.code(), weak.toString());
        assertTrue(weak.err().contains("至少需要 16 个字符") && weak.err().matches("(?s).*[A-Za-z0-9_-]{43}.*"), weak.err());
        assertEquals("s3cret-Token-0123456789", serve("--token", "s3cret-Token-0123456789").accessToken());
    }
}
