package news.masthead.common.http;

import io.netty.util.NetUtil;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a request comes from, as the rate limits count it. X-Forwarded-For is believed only when the
 * connection comes from a configured proxy. An IPv6 client is its /64: one subscriber or server
 * usually holds a whole /64 and can pick a fresh address from it for every request, so counting
 * single IPv6 addresses would give it 2^64 budgets. An IPv4-mapped IPv6 address is its IPv4 one.
 */
@ApplicationScoped
public class ClientAddresses {
    private static final int MAX_UNPARSED = 64;
    private final Set<String> trustedProxies;

    @Inject
    public ClientAddresses(RateLimitConfig config) {
        this(config.trustedProxies());
    }

    ClientAddresses(Optional<List<String>> trustedProxies) {
        this.trustedProxies = trustedProxies.orElse(List.of()).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).map(ClientAddresses::canonical).collect(Collectors.toUnmodifiableSet());
    }

    /** The rate-limit key of the client behind {@code peer}, given the request's X-Forwarded-For. */
    public String bucketOf(String forwardedFor, SocketAddress peer) {
        return bucket(clientOf(forwardedFor, peer));
    }

    /** The client's address: the peer, or for a trusted proxy the rightmost hop none of our proxies added. */
    String clientOf(String forwardedFor, SocketAddress peer) {
        String direct = peer == null || peer.hostAddress() == null ? "unknown" : canonical(peer.hostAddress());
        if (forwardedFor == null || !trustedProxies.contains(direct)) {
            return direct;
        }
        // Entries left of the last one our proxy appended are whatever the client chose to send.
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = canonical(hops[i].trim());
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return direct;
    }

    /** IPv4 addresses whole, IPv6 ones by /64; anything unparseable as itself (bounded). */
    static String bucket(String address) {
        if (NetUtil.isValidIpV4Address(address)) {
            return address;
        }
        byte[] bytes = literal(address);
        if (bytes == null) {
            return address.length() > MAX_UNPARSED ? address.substring(0, MAX_UNPARSED) : address;
        }
        if (bytes.length == 4) {
            return address;
        }
        String prefix = HexFormat.of().formatHex(bytes, 0, 8);
        return prefix.substring(0, 4) + ":" + prefix.substring(4, 8) + ":" + prefix.substring(8, 12) + ":"
                + prefix.substring(12, 16) + "::/64";
    }

    /** One spelling per address (so "::1" and "0:0:0:0:0:0:0:1" are one proxy or one client); never a DNS lookup. */
    static String canonical(String address) {
        if (NetUtil.isValidIpV4Address(address)) {
            return address; // the usual peer: nothing to rewrite, nothing to allocate
        }
        byte[] bytes = literal(address);
        if (bytes == null) {
            return address;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The address's bytes (4 for IPv4 and IPv4-mapped IPv6, else 16), or null when it is not an IP literal. */
    private static byte[] literal(String address) {
        String a = address;
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(a);
        if (bytes != null && bytes.length == 16 && isV4Mapped(bytes)) {
            byte[] v4 = new byte[4];
            System.arraycopy(bytes, 12, v4, 0, 4);
            return v4;
        }
        return bytes;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
