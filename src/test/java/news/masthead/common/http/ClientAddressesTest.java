package news.masthead.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertx.core.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    private final ClientAddresses behindProxy = new ClientAddresses(Optional.of(List.of("10.0.0.2", "::1")));
    private final ClientAddresses direct = new ClientAddresses(Optional.empty());

    private static SocketAddress peer(String address) {
        return SocketAddress.inetSocketAddress(40000, address);
    }

    @Test
    void ipv6AddressesShareTheirSlash64WhateverTheSpelling() {
        String one = direct.bucketOf(null, peer("2001:db8:aa:1::1"));
        assertEquals("2001:0db8:00aa:0001::/64", one);
        assertEquals(one, direct.bucketOf(null, peer("2001:db8:aa:1:ffff:ffff:ffff:fffe")));
        assertEquals(one, direct.bucketOf(null, peer("2001:DB8:AA:1:0:0:0:9")));
        assertNotEquals(one, direct.bucketOf(null, peer("2001:db8:aa:2::1")));
    }

    @Test
    void ipv4AddressesAreTheirOwnAndMappedOnesAreIpv4() {
        assertEquals("203.0.113.5", direct.bucketOf(null, peer("203.0.113.5")));
        assertNotEquals(direct.bucketOf(null, peer("203.0.113.5")), direct.bucketOf(null, peer("203.0.113.6")));
        assertEquals("203.0.113.5", direct.bucketOf(null, peer("::ffff:203.0.113.5")));
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxyWrittenAnyWay() {
        assertEquals("203.0.113.9", behindProxy.bucketOf("198.51.100.1, 203.0.113.9", peer("10.0.0.2")));
        assertEquals("203.0.113.9", behindProxy.bucketOf("203.0.113.9", peer("0:0:0:0:0:0:0:1")));
        assertEquals("2001:0db8:0000:0007::/64", behindProxy.bucketOf("2001:db8:0:7::99", peer("::1")));
        // Our own proxies in the chain are skipped; a client's entries left of them are not believed.
        assertEquals("203.0.113.9", behindProxy.bucketOf("6.6.6.6, 203.0.113.9, 10.0.0.2", peer("10.0.0.2")));
        assertEquals("10.0.0.3", behindProxy.bucketOf("203.0.113.9", peer("10.0.0.3")));
    }

    @Test
    void somethingThatIsNoAddressIsNeverLookedUpAndStaysBounded() {
        String junk = "not-an-address.example".repeat(10);
        String bucket = behindProxy.bucketOf(junk, peer("10.0.0.2"));
        assertEquals(64, bucket.length());
    }
}
