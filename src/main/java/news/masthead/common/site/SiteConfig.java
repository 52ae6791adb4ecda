package news.masthead.common.site;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * {@code masthead.site.*}: the publication whose content Masthead serves. Everything that names
 * the website (public feeds, the partners' feed, ninjs) reads it here, so the base URL is
 * normalized once, when configuration is read, and links are built one way.
 */
@ConfigMapping(prefix = "masthead.site")
public interface SiteConfig {

    /** The website's address without a trailing slash, e.g. {@code https://news.example.com}. */
    @WithConverter(NoTrailingSlash.class)
    String baseUrl();

    /**
     * Where this API is reached from outside, without a trailing slash: feeds' self links. By
     * default the website's address. Never the request's {@code Host}: a feed is cached and shared,
     * and one forged header would otherwise put a stranger's address in every reader's copy.
     */
    @WithConverter(NoTrailingSlash.class)
    String apiUrl();

    /** The publication's name: feed titles and the feeds' author. */
    String name();

    /** BCP 47 language of the content, in feeds and ninjs. */
    String language();

    /** The website's home page. */
    default String home() {
        return baseUrl() + "/";
    }

    /** Where the website shows an article. */
    default String articleUrl(String slug) {
        return baseUrl() + "/articles/" + slug;
    }

    /** Where the website shows an author's page (JSON-LD's Person url). */
    default String authorUrl(String slug) {
        return baseUrl() + "/authors/" + slug;
    }

    /** An address of this API, {@code path} without a leading slash. */
    default String api(String path) {
        return apiUrl() + "/" + path;
    }

    /** "https://news.example.com/" and "https://news.example.com" are the same site. */
    class NoTrailingSlash implements Converter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip();
            while (v.endsWith("/")) {
                v = v.substring(0, v.length() - 1);
            }
            return v;
        }
    }
}
