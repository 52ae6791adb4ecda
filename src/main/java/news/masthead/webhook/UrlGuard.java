package news.masthead.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import news.masthead.common.error.InvalidException;

/**
 * Keeps webhooks from turning Masthead into a proxy into its own network (SSRF): a subscription URL
 * must be http(s) and every address its host resolves to must be public. Checked when a URL is
 * written and again before each delivery, because what a name resolves to can change. The delivery
 * check hands back the address it checked ({@link Target}), and the sender connects to exactly that
 * address: a name that answers differently a moment later (DNS rebinding) is never looked up again.
 * {@code masthead.webhooks.allow-private} switches the address check off for development and tests.
 */
@ApplicationScoped
public class UrlGuard {

    /** Name resolution, replaceable in tests so a "public" name can resolve to a private address. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    UrlGuard(WebhookConfig config) {
        this(config.allowPrivate(), InetAddress::getAllByName);
    }

    UrlGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** For writes: a refused URL is a 400 naming {@code url}. */
    public void requireSafe(String url) {
        refusal(url).ifPresent(reason -> {
            throw new InvalidException("url", reason);
        });
    }

    /**
     * Where a delivery goes: {@code address} is the one this guard checked and the only one to
     * connect to; {@code host} still names the server (Host header, TLS SNI, certificate check).
     */
    public record Target(String host, int port, boolean https, InetAddress address, String pathAndQuery) {
    }

    /** The outcome of a delivery-time check: a target to connect to, or why there is none. */
    public record Check(Target target, String refusal) {
        static Check refused(String reason) {
            return new Check(null, reason);
        }
    }

    /** Why this URL may not be called now, or empty when it may. In development mode no name is resolved. */
    public Optional<String> refusal(String url) {
        return Optional.ofNullable(check(url, !allowPrivate).refusal());
    }

    /** For a delivery: the URL checked as {@link #refusal} does, resolved once, with the address to use. */
    public Check target(String url) {
        return check(url, true);
    }

    private Check check(String url, boolean resolve) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Check.refused("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Check.refused("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Check.refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            // It would be shown to every admin and sent in clear to any proxy; the signature authenticates us.
            return Check.refused("must not carry credentials (user:password@)");
        }
        if (!resolve) {
            return new Check(null, null);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Check.refused("names a host that does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return Check.refused("names a host that does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                Optional<String> kind = nonPublic(a);
                if (kind.isPresent()) {
                    return Check.refused("resolves to a " + kind.get() + " address (" + a.getHostAddress()
                            + "); webhooks may only call public addresses");
                }
            }
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Check(new Target(uri.getHost(), port, https, bare(addresses[0]), pathAndQuery), null);
    }

    /** The address alone, without the name it was found under: nothing downstream can resolve it again. */
    private static InetAddress bare(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The kind of a non-public address, or empty for a public one. */
    static Optional<String> nonPublic(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return nonPublicV4(b);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return Optional.of("private"); // fc00::/7, unique local
            }
            // Addresses that carry an IPv4 address inside: judge the IPv4 one.
            if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return nonPublic(v4(b, 12)); // ::ffff:a.b.c.d, IPv4-mapped
            }
            if (allZero(b, 0, 12)) {
                return nonPublic(v4(b, 12)); // ::a.b.c.d, IPv4-compatible
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && allZero(b, 4, 12)) {
                return nonPublic(v4(b, 12)); // 64:ff9b::/96, NAT64
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && b[4] == 0 && b[5] == 1) {
                return Optional.of("local-use NAT64"); // 64:ff9b:1::/48 (RFC 8215): translates into a private network
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return nonPublic(v4(b, 2)); // 2002::/16, 6to4
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
                // 2001::/32, Teredo: a tunnel whose IPv4 end (obfuscated in the address) could be anything.
                return Optional.of("Teredo tunnel");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("unspecified"); // 0.0.0.0/8, "this network"
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("private"); // 100.64.0.0/10, carrier-grade NAT
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return Optional.of("private"); // 198.18.0.0/15, benchmarking
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("private"); // 192.0.0.0/24, protocol assignments
        }
        if (first >= 240) {
            return Optional.of("reserved"); // 240.0.0.0/4 and the broadcast address
        }
        return Optional.empty();
    }

    private static InetAddress v4(byte[] b, int offset) {
        try {
            return InetAddress.getByAddress(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
