package news.masthead.cdn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/** The {@link Purger} for the configured provider. Adding Fastly or Cloudflare is a case here and a class. */
@ApplicationScoped
class Purgers {

    @Produces
    @Singleton
    Purger purger(PurgeConfig config) {
        return switch (config.provider()) {
            case VARNISH -> new VarnishPurger(config.url().orElse(List.of()), config.maxHeaderBytes());
        };
    }
}
