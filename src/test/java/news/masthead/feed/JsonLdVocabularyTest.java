package news.masthead.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import news.masthead.testsupport.SchemaOrg;
import org.junit.jupiter.api.Test;

/** The vocabulary check JsonLdTest relies on finds what it should: a passing document proves something. */
class JsonLdVocabularyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWellFormedNewsArticlePasses() throws Exception {
        assertEquals(List.of(), SchemaOrg.violations(JSON.readTree("""
                {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H",
                 "datePublished": "2026-10-16T19:02:00Z", "author": [{"@type": "Person", "name": "A", "url": "https://x.example/a"}],
                 "correction": {"@type": "CorrectionComment", "text": "Fixed.", "datePublished": "2026-10-16T20:00:00Z"},
                 "image": {"@type": "ImageObject", "url": "https://x.example/i.jpg",
                           "width": {"@type": "QuantitativeValue", "value": 10, "unitCode": "E37"}}}""")));
    }

    @Test
    void aWellFormedLiveBlogPostingWithItsUpdatesPasses() throws Exception {
        assertEquals(List.of(), SchemaOrg.violations(JSON.readTree("""
                {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Election night",
                 "datePublished": "2026-10-16T19:02:00Z", "articleSection": "Politics",
                 "coverageStartTime": "2026-10-16T19:02:00Z", "coverageEndTime": "2026-10-17T02:00:00Z",
                 "liveBlogUpdate": [{"@type": "BlogPosting", "@id": "https://x.example/l#entry-1", "url": "https://x.example/l#entry-1",
                                     "headline": "Polls close", "articleBody": "Counting starts.",
                                     "datePublished": "2026-10-16T21:00:00Z", "dateModified": "2026-10-16T21:05:00Z",
                                     "author": [{"@type": "Person", "name": "A"}]}]}""")));
    }

    @Test
    void liveblogTermsOutsideALiveBlogPostingAndBadValuesAreEachNamed() throws Exception {
        List<String> found = SchemaOrg.violations(JSON.readTree("""
                {"@context": "https://schema.org", "@type": "LiveBlogPosting", "coverageEndTime": "2026-10-17",
                 "liveBlogUpdate": [{"@type": "NewsArticle", "headline": "H"},
                                    {"@type": "BlogPosting", "coverageStartTime": "2026-10-16T19:02:00Z",
                                     "articleBody": ""}],
                 "publisher": {"@type": "Organization", "articleBody": "x"}}"""));
        assertEquals(List.of(
                "$.coverageEndTime: \"2026-10-17\" is none of [DateTime]",
                "$.liveBlogUpdate[0]: a NewsArticle where [BlogPosting] is expected",
                "$.liveBlogUpdate[1].coverageStartTime: not a property of BlogPosting",
                "$.liveBlogUpdate[1].articleBody: \"\" is none of [Text]",
                "$.publisher.articleBody: not a property of Organization"), found);
    }

    @Test
    void termsOnTheWrongTypeUnknownTermsAndBadLiteralsAreEachNamed() throws Exception {
        List<String> found = SchemaOrg.violations(JSON.readTree("""
                {"@context": "https://schema.org", "@type": "NewsArticle", "liveBlogUpdate": [],
                 "headlineSeo": "x", "datePublished": "16 October 2026", "url": "javascript:alert(1)",
                 "author": {"@type": "CorrectionComment", "text": "x"},
                 "publisher": {"@type": "Organization", "articleSection": "News"},
                 "image": {"@type": "Photograph"}}"""));
        assertEquals(List.of(
                "$.liveBlogUpdate: not a property of NewsArticle",
                "$.headlineSeo: not a schema.org property this table knows",
                "$.datePublished: \"16 October 2026\" is none of [Date, DateTime]",
                "$.url: \"javascript:alert(1)\" is none of [URL]",
                "$.author: a CorrectionComment where [Organization, Person] is expected",
                "$.publisher.articleSection: not a property of Organization",
                "$.image: a Photograph where [ImageObject, URL] is expected"), found);
    }
}
