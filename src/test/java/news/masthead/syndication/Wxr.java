package news.masthead.syndication;

/** A WordPress export of one published post, in one category, by one author. */
final class Wxr {
    private Wxr() {
    }

    static String onePost(String site, String slug, String login, String displayName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <title>Gazette</title>
                  <link>%1$s</link>
                  <wp:wxr_version>1.2</wp:wxr_version>
                  <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[%3$s]]></wp:author_login><wp:author_email><![CDATA[]]></wp:author_email><wp:author_display_name><![CDATA[%4$s]]></wp:author_display_name></wp:author>
                  <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[%2$s-desk]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Desk]]></wp:cat_name></wp:category>
                  <item>
                    <title>Council approves the budget</title>
                    <dc:creator><![CDATA[%3$s]]></dc:creator>
                    <content:encoded><![CDATA[<p>The council voted on Tuesday.</p>]]></content:encoded>
                    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                    <wp:post_id>101</wp:post_id>
                    <wp:post_date_gmt><![CDATA[2026-03-04 15:20:00]]></wp:post_date_gmt>
                    <wp:post_name><![CDATA[%2$s]]></wp:post_name>
                    <wp:status><![CDATA[publish]]></wp:status>
                    <wp:post_type><![CDATA[post]]></wp:post_type>
                    <category domain="category" nicename="%2$s-desk"><![CDATA[Desk]]></category>
                  </item>
                </channel>
                </rss>
                """.formatted(site, slug, login, displayName);
    }
}
