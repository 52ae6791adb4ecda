# masthead-site.vcl for compose.yaml: the three Masthead instances, round-robin (any instance can
# answer any request; their caches agree through PostgreSQL), and the network they purge from.
import directors;

backend masthead1 { .host = "masthead1"; .port = "8080"; }
backend masthead2 { .host = "masthead2"; .port = "8080"; }
backend masthead3 { .host = "masthead3"; .port = "8080"; }

sub vcl_init {
    new masthead = directors.round_robin();
    masthead.add_backend(masthead1);
    masthead.add_backend(masthead2);
    masthead.add_backend(masthead3);
}

sub vcl_recv {
    set req.backend_hint = masthead.backend();
}

acl masthead_purgers {
    "172.28.0.0"/16;
}
