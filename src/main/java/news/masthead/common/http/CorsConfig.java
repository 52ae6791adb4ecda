package news.masthead.common.http;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** {@code masthead.cors.*}: see the configuration table in the README. */
@ConfigMapping(prefix = "masthead.cors")
public interface CorsConfig {

    /** Origins that may read the Content API from a browser ({@code *}: any). */
    Optional<List<String>> contentOrigins();

    /** Origins that may call the Admin API from a browser; {@code *} is never honoured here. */
    Optional<List<String>> adminOrigins();
}
