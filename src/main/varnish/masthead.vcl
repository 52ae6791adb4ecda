vcl 4.1;
#
# Varnish in front of Masthead: caches the public Content API for as long as Masthead's
# Surrogate-Control allows (a day by default) and drops answers the moment Masthead purges their
# surrogate keys. Needs Varnish 7.1+ with varnish-modules (xkey). Run it as the README says:
#
#   varnishd -a :80 -f /etc/varnish/masthead.vcl -s malloc,1g \
#            -p http_resp_hdr_len=64k -p http_resp_size=96k -p workspace_backend=256k
#
# (a list of 100 articles names some hundred keys in one Surrogate-Key header: more than the
# 8 KB Varnish accepts by default, which answers 503 then). Tests start this same file
# (news.masthead.testsupport.processes.Varnish).

import std;
import xkey;

# Your part: `backend default` (Masthead, or several behind a director) and `acl masthead_purgers`
# (the Masthead instances, which send the purges). Copy masthead-site.vcl.example next to this file.
include "./masthead-site.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ masthead_purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "PURGE needs an xkey-purge header"));
        }
        # A hard purge: softpurge would keep serving the old answer during grace, and a
        # correction must not wait for a background refresh.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    # The public event stream: server-sent events go through as they are written, never cached.
    if (req.url ~ "^/api/v1/stream(/|\?|$)") {
        return (pass);
    }
    # Only reads of the public Content API are cached. The Admin, Syndication and Preview APIs,
    # Masthead's own endpoints (/q/…) and anything carrying credentials go through untouched.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url !~ "^/api/v1/" || req.url ~ "^/api/v1/(admin|syndication|preview)(/|\?|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Masthead answers JSON only (feeds excepted): a client refusing it gets Masthead's own 406.
    if (req.http.Accept && req.http.Accept !~ "json|xml|\*/\*|application/\*"
            && req.url !~ "^/api/v1/feeds/") {
        return (pass);
    }
    # The Content API reads no cookies; they would only split (or, by default, bypass) the cache.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    # CORS: Masthead answers an Origin with Access-Control-Allow-Origin (and Vary: Origin), and a
    # request without one with neither; keying on it keeps the two from being served to each other.
    hash_data("origin:" + req.http.Origin);
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.url ~ "^/api/v1/stream(/|\?|$)") {
        # Keep-alive comments arrive every 15 s: a quiet minute means the stream is dead.
        set bereq.between_bytes_timeout = 60s;
        set bereq.first_byte_timeout = 60s;
    }
}

sub vcl_backend_response {
    if (bereq.url ~ "^/api/v1/stream(/|\?|$)") {
        set beresp.do_stream = true;
        set beresp.do_gzip = false;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Tag the object with Masthead's surrogate keys, so an xkey-purge of any of them drops it.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (beresp.http.Surrogate-Control ~ "(?i)(^|[ ,])max-age=[0-9]+") {
        # Masthead says how long the CDN may keep it (it purges on change): that, not Cache-Control,
        # which is meant for browsers.
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control,
                "(?i)^(.*[ ,])?max-age=([0-9]+).*$", "\2") + "s", 0s);
    } else if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        # Nothing says how long (an error, a 404 for a slug that may be published next minute):
        # not cached, rather than Varnish's default two minutes.
        set beresp.ttl = 1s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (beresp.http.Content-Type ~ "json|xml") {
        set beresp.do_gzip = true;
    }
    # The built-in rules then refuse Set-Cookie, private / no-store and Vary: *.
}

sub vcl_deliver {
    # Surrogate-Control and the keys are addressed to the CDN (Edge Architecture convention; Fastly
    # strips them too): clients see Cache-Control, and Age tells them how long we have held it.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Control;
    unset resp.http.Surrogate-Key;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
