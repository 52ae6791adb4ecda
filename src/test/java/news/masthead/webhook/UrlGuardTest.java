package news.masthead.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import news.masthead.common.error.InvalidException;
import org.junit.jupiter.api.Test;

/** The SSRF guard on its own, as it runs with {@code masthead.webhooks.allow-private=false}. */
class UrlGuardTest {
    /** Names resolve from this table only, so a public-looking name can point inside. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.215.14",
            "internal.example.com", "10.1.2.3",
            "rebind.example.com", "169.254.169.254",
            "v6.example.com", "fd00::1",
            "localhost", "127.0.0.1");

    private final UrlGuard strict = new UrlGuard(false, UrlGuardTest::resolve);
    private final UrlGuard lenient = new UrlGuard(true, UrlGuardTest::resolve);

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String literal = DNS.get(host);
        if (literal == null && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(literal != null ? literal : host)};
    }

    @Test
    void nonPublicAddressesAreRefusedIn4And6AndBehindNames() {
        for (String url : List.of(
                "http://127.0.0.1/", "http://127.8.9.10:8080/x", "http://localhost/", "http://0.0.0.0/",
                "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest",
                "http://100.64.0.1/", "http://224.0.0.1/", "http://255.255.255.255/",
                "http://[::1]/", "http://[::]/", "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/",
                "http://[ff02::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[::127.0.0.1]/",
                "http://[64:ff9b::a00:1]/", "http://[2002:c0a8:101::1]/",
                "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[2001::1]/", "http://[64:ff9b:1::5db8:d70e]/",
                "http://[64:ff9b:1:ffff::1]/",
                "https://internal.example.com/hook", "https://rebind.example.com/", "https://v6.example.com/")) {
            assertTrue(strict.refusal(url).isPresent(), url + " must be refused");
        }
        assertTrue(strict.refusal("http://127.0.0.1/").get().contains("loopback"));
        assertTrue(strict.refusal("http://10.0.0.1/").get().contains("private"));
        assertTrue(strict.refusal("http://[fe80::1]/").get().contains("link-local"));
        assertTrue(strict.refusal("http://224.0.0.1/").get().contains("multicast"));
        assertTrue(strict.refusal("http://0.0.0.0/").get().contains("unspecified"));
        assertTrue(strict.refusal("http://[2001:0:4136:e378::1]/").get().contains("Teredo"));
        assertTrue(strict.refusal("http://[64:ff9b:1::1]/").get().contains("NAT64"));
    }

    @Test
    void neighboursOfTheRefusedTunnelsStayPublic() {
        for (String url : List.of("http://[2001:4860:4860::8888]/", "http://[2001:1::1]/", "http://[64:ff9b::5db8:d70e]/",
                "http://[64:ff9b:2::1]/")) {
            assertTrue(strict.refusal(url).isEmpty(), url + " must pass: " + strict.refusal(url));
        }
    }

    /** The delivery check hands over the address it checked, with no name left on it to look up again. */
    @Test
    void aTargetCarriesTheCheckedAddressAndTheUrlsName() throws Exception {
        UrlGuard.Check check = strict.target("https://hooks.example.com/masthead?k=v");
        assertEquals(null, check.refusal());
        UrlGuard.Target t = check.target();
        assertEquals("hooks.example.com", t.host());
        assertEquals(443, t.port());
        assertTrue(t.https());
        assertEquals("/masthead?k=v", t.pathAndQuery());
        assertEquals(InetAddress.getByName("93.184.215.14"), t.address());
        assertEquals("93.184.215.14", t.address().getHostAddress());
        assertTrue(t.address().toString().startsWith("/"), "no host name attached: " + t.address());
        assertEquals(8080, strict.target("http://93.184.215.14:8080").target().port());
        assertEquals("/", strict.target("http://93.184.215.14:8080").target().pathAndQuery());
        assertTrue(strict.target("http://internal.example.com/").refusal().contains("private"));
        // Development mode checks no address, but a delivery still connects to the one it resolved.
        assertEquals("127.0.0.1", lenient.target("http://localhost:9000/hook").target().address().getHostAddress());
    }

    @Test
    void publicAddressesAndNamesPass() {
        for (String url : List.of("https://hooks.example.com/masthead?k=v", "http://93.184.215.14:8080/",
                "https://8.8.8.8/", "https://[2606:4700:4700::1111]/", "http://172.32.0.1/", "http://192.169.0.1/")) {
            assertTrue(strict.refusal(url).isEmpty(), url + " must pass: " + strict.refusal(url));
        }
    }

    @Test
    void onlyHttpAndHttpsWithAHostAndNoCredentials() {
        for (String url : List.of("ftp://hooks.example.com/", "file:///etc/passwd", "javascript:alert(1)",
                "hooks.example.com/x", "/relative", "http://", "https://user:pw@hooks.example.com/", "http://exa mple.com/",
                "https://nowhere.invalid/")) {
            assertTrue(strict.refusal(url).isPresent(), url + " must be refused");
            assertTrue(lenient.refusal(url).isPresent() || url.contains("nowhere"), url + " must be refused");
        }
    }

    @Test
    void allowPrivateLetsLoopbackAndPrivateThrough() {
        assertTrue(lenient.refusal("http://127.0.0.1:9000/hook").isEmpty());
        assertTrue(lenient.refusal("http://10.0.0.1/").isEmpty());
        assertTrue(lenient.refusal("http://[::1]/").isEmpty());
    }

    @Test
    void aWriteWithARefusedUrlIsInvalidNamingUrl() {
        InvalidException e = assertThrows(InvalidException.class, () -> strict.requireSafe("http://192.168.0.10/"));
        assertEquals("url", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("192.168.0.10"));
    }
}
