package news.masthead.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import news.masthead.common.time.Now;
import news.masthead.webhook.DeliveryQueue.Claim;
import news.masthead.webhook.DeliveryQueue.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real sending path over real sockets: the delivery-time check, and a connection to exactly the
 * address that check accepted, under the URL's own name (Host, SNI, certificate).
 */
class WebhookSenderTest {
    private static final String NAME = "hooks.example.test";
    private static final String PASSWORD = "test-only";
    private static Vertx vertx;

    @TempDir
    static Path keys;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static Claim claim(String url) {
        return new Claim(UUID.randomUUID(), UUID.randomUUID(), 1, "article.published", "{\"id\":\"x\"}",
                UUID.randomUUID(), url, "a-secret-of-some-length");
    }

    private static WebhookSender sender(UrlGuard guard) {
        return sender(guard, new HttpClientOptions());
    }

    /** Connections to an address that never answers give up after 1 s, so the rebinding tests stay short. */
    private static WebhookSender sender(UrlGuard guard, HttpClientOptions options) {
        return new WebhookSender(guard, vertx, new Now(), options, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /** TLS on a cold JVM of a busy machine can take seconds; these bounds only matter when something hangs. */
    private static WebhookSender patientSender(UrlGuard guard, HttpClientOptions options) {
        return new WebhookSender(guard, vertx, new Now(), options, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    private static InetAddress address(String name, String literal) throws UnknownHostException {
        return InetAddress.getByAddress(name, InetAddress.getByName(literal).getAddress());
    }

    /**
     * DNS rebinding: the name answers with a public address when it is checked and with 127.0.0.1,
     * where a real receiver listens, when asked again. The name is "localhost", so a second lookup
     * by anyone (this resolver, the JDK's, Vert.x's) would find the receiver. None may happen.
     */
    @Test
    void aNameThatRebindsAfterTheCheckIsNeverLookedUpAgain() throws Exception {
        try (Receiver receiver = Receiver.answering()) {
            AtomicInteger lookups = new AtomicInteger();
            UrlGuard guard = new UrlGuard(false, host -> new InetAddress[] {lookups.getAndIncrement() == 0
                    ? address(host, "203.0.113.10") : address(host, "127.0.0.1")});
            String url = "http://localhost:" + receiver.port() + "/hook";
            Result result = sender(guard).send(claim(url)).get();
            assertEquals(1, lookups.get(), "one lookup, by the check before this delivery; none after it");
            assertNull(result.status(), "the delivery went to 203.0.113.10, which does not answer: " + result.error());
            assertTrue(result.error().startsWith("connection"), result.error());
            assertTrue(receiver.requests().isEmpty(), "the receiver on 127.0.0.1 was never called");
            // The next delivery looks up again, and now refuses the private answer before connecting.
            Result next = sender(guard).send(claim(url)).get();
            assertTrue(next.error().contains("loopback"), next.error());
            assertTrue(receiver.requests().isEmpty());
        }
    }

    @Test
    void aUrlThatNowResolvesToAPrivateAddressIsNotCalled() throws Exception {
        try (Receiver receiver = Receiver.answering()) {
            // The name pointed outside when the webhook was saved; now it points at this machine.
            String url = receiver.url().replace("127.0.0.1", "rebinding.example.com");
            UrlGuard guard = new UrlGuard(false, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
            Result result = sender(guard).send(claim(url)).get();
            assertNull(result.status());
            assertTrue(result.error().contains("loopback"), result.error());
            assertTrue(receiver.requests().isEmpty(), "nothing was sent");
        }
    }

    /** A name nothing else can resolve: the request can only have gone to the address the guard gave. */
    @Test
    void theConnectionGoesToTheCheckedAddressUnderTheUrlsName() throws Exception {
        UrlGuard guard = new UrlGuard(true, host -> new InetAddress[] {address(host, "127.0.0.1")});
        try (Receiver receiver = Receiver.answering(202)) {
            Result result = sender(guard).send(claim("http://" + NAME + ":" + receiver.port() + "/hook?k=v")).get();
            assertEquals(202, result.status(), result.error());
            Receiver.Request got = receiver.requests().get(0);
            assertEquals(NAME + ":" + receiver.port(), got.header("Host"));
            assertEquals("article.published", got.header("X-Masthead-Event"));
            assertTrue(got.header("X-Masthead-Signature").startsWith("sha256="));
        }
    }

    @Test
    void tlsSpeaksToTheNameAndChecksItsCertificateWhileConnectingToTheAddress() throws Exception {
        Path pem = certificate(NAME);
        HttpClientOptions trustingOurCa = new HttpClientOptions().setTrustOptions(new PemTrustOptions().addCertPath(pem.toString()));
        UrlGuard guard = new UrlGuard(true, host -> new InetAddress[] {address(host, "127.0.0.1")});
        try (TlsReceiver receiver = new TlsReceiver(keystore(NAME))) {
            Result result = patientSender(guard, trustingOurCa).send(claim("https://" + NAME + ":" + receiver.port + "/hook")).get();
            assertEquals(204, result.status(), result.error());
            assertEquals(List.of(NAME), receiver.serverNames, "SNI names the URL's host, not the address");
            assertEquals(List.of(NAME + ":" + receiver.port), receiver.hosts);
            // The same server under another name: its certificate does not name it, so nothing is sent.
            Result wrongName = patientSender(guard, trustingOurCa)
                    .send(claim("https://other.example.test:" + receiver.port + "/hook")).get();
            assertNull(wrongName.status());
            assertTrue(wrongName.error().startsWith("TLS failed"), wrongName.error());
            // And a certificate from nobody the sender trusts is refused as well.
            Result untrusted = patientSender(guard, new HttpClientOptions()).send(claim("https://" + NAME + ":" + receiver.port + "/hook")).get();
            assertNull(untrusted.status());
            assertTrue(untrusted.error().startsWith("TLS failed"), untrusted.error());
            assertEquals(1, receiver.hosts.size(), "only the first delivery reached the receiver");
        }
    }

    /**
     * A TLS subscriber on 127.0.0.1, a plain JDK server socket that answers each request 204 and
     * notes the SNI and Host it came with. (The JDK's HttpsServer stalls now and then after a TLS
     * 1.3 handshake; Vert.x's SNI server fails on this test classpath's Netty.)
     */
    private static final class TlsReceiver implements AutoCloseable {
        final List<String> serverNames = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> hosts = new java.util.concurrent.CopyOnWriteArrayList<>();
        final int port;
        private final javax.net.ssl.SSLServerSocket socket;
        private final Thread thread;

        TlsReceiver(Path keystore) throws Exception {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            try (java.io.InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            socket = (javax.net.ssl.SSLServerSocket) tls.getServerSocketFactory()
                    .createServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
            port = socket.getLocalPort();
            thread = new Thread(this::serve, "tls-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (javax.net.ssl.SSLSocket client = (javax.net.ssl.SSLSocket) socket.accept()) {
                    client.setSoTimeout(5000);
                    client.startHandshake();
                    java.io.BufferedReader in = new java.io.BufferedReader(
                            new java.io.InputStreamReader(client.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
                    String host = null;
                    int length = 0;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        String lower = line.toLowerCase(java.util.Locale.ROOT);
                        if (lower.startsWith("host:")) {
                            host = line.substring(5).trim();
                        } else if (lower.startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.skip(length);
                    if (client.getSession() instanceof javax.net.ssl.ExtendedSSLSession session) {
                        serverNames.add(session.getRequestedServerNames().stream()
                                .map(n -> ((javax.net.ssl.SNIHostName) n).getAsciiName()).findFirst().orElse("none"));
                    }
                    hosts.add(host);
                    client.getOutputStream().write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    client.getOutputStream().flush();
                } catch (IOException e) {
                    // A handshake the client refused (wrong name, untrusted): nothing was received.
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }

    @Test
    void anAllowedUrlIsCalledAndAnUnreachableOneIsAnError() throws Exception {
        WebhookSender sender = sender(new UrlGuard(true, InetAddress::getAllByName));
        try (Receiver receiver = Receiver.answering(202)) {
            Result result = sender.send(claim(receiver.url())).get();
            assertEquals(202, result.status());
            assertTrue(result.delivered());
            assertEquals(1, receiver.requests().size());
        }
        String closed;
        try (Receiver gone = Receiver.answering()) {
            closed = gone.url();
        }
        Result refused = sender.send(claim(closed)).get();
        assertNull(refused.status());
        assertTrue(refused.error().startsWith("connection"), refused.error());
    }

    // --- A self-signed certificate for the name, made with the JDK's keytool ---

    private static Path keystore(String name) throws IOException, InterruptedException {
        Path store = keys.resolve(name + ".p12");
        if (!Files.exists(store)) {
            keytool("-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                    "-ext", "SAN=dns:" + name, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
        }
        return store;
    }

    private static Path certificate(String name) throws IOException, InterruptedException {
        Path pem = keys.resolve(name + ".pem");
        keytool("-exportcert", "-rfc", "-alias", "hook", "-keystore", keystore(name).toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return pem;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
