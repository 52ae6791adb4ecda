package news.masthead.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CacheKeysTest {

    @Test
    void parameterOrderDoesNotMatter() {
        assertEquals(CacheKeys.of("/api/v1/articles", "a=1&b=2"), CacheKeys.of("/api/v1/articles", "b=2&a=1"));
        assertEquals("/api/v1/articles?limit=5&section=world&tag=x",
                CacheKeys.of("/api/v1/articles", "tag=x&section=world&limit=5"));
    }

    @Test
    void escapesOfUnreservedCharactersAreTheCharacters() {
        assertEquals(CacheKeys.of("/api/v1/articles/abc", "limit=2"), CacheKeys.of("/api/v1/articles/%61bc", "%6Cimit=%32"));
        assertEquals(CacheKeys.of("/api/v1/articles", "q=a%2Fb"), CacheKeys.of("/api/v1/articles", "q=a%2fb"));
        assertEquals("/api/v1/articles?q=caf%C3%A9", CacheKeys.of("/api/v1/articles", "q=caf%c3%a9"));
    }

    /** Only spellings the pipeline reads alike are merged. */
    @Test
    void differentRequestsKeepDifferentKeys() {
        // JAX-RS reads the first of repeated parameters: their order is the answer.
        assertNotEquals(CacheKeys.of("/a", "limit=1&limit=2"), CacheKeys.of("/a", "limit=2&limit=1"));
        // A reserved character and its escape can differ ("/" splits a path, "&" a query).
        assertNotEquals(CacheKeys.of("/api/v1/articles/a%2Fb", null), CacheKeys.of("/api/v1/articles/a/b", null));
        assertNotEquals(CacheKeys.of("/a", "q=x%26y"), CacheKeys.of("/a", "q=x&y"));
        // "+" is a space to some readers and a plus to others: kept as sent.
        assertNotEquals(CacheKeys.of("/a", "q=a+b"), CacheKeys.of("/a", "q=a%20b"));
        assertNotEquals(CacheKeys.of("/a", "q=a+b"), CacheKeys.of("/a", "q=a%2Bb"));
        assertNotEquals(CacheKeys.of("/a", "q=1"), CacheKeys.of("/a", "q=1&"));
    }

    /** The fast path (nothing to rewrite) and the slow one give the same key. */
    @Test
    void aQueryAlreadyInOrderIsKeptAsSent() {
        assertEquals("/a?a=1&a=0&b&c=", CacheKeys.of("/a", "a=1&a=0&b&c="));
        assertEquals("/a?a=1&ab=2&b=3", CacheKeys.of("/a", "ab=2&a=1&b=3"));
        assertEquals("/a?a=1&ab=2&b=3", CacheKeys.of("/a", "a=1&ab=2&b=3"));
        assertEquals("/a?=x&a=1", CacheKeys.of("/a", "a=1&=x"));
        assertEquals("/a?&a=1", CacheKeys.of("/a", "a=1&"));
    }

    @Test
    void brokenEscapesAreLeftAsSent() {
        assertEquals("/a?q=%zz%4", CacheKeys.of("/a", "q=%zz%4"));
        assertEquals("/a", CacheKeys.of("/a", ""));
    }
}
