package news.masthead.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import news.masthead.common.error.InvalidException;
import org.junit.jupiter.api.Test;

class KeysetPageTest {
    private static final UUID ID = UUID.fromString("338c763a-5783-9c0c-4217-50eb203928c9");

    @Test
    void aCursorGivesBackExactlyThePositionItWasMadeFrom() {
        for (Instant at : new Instant[] {Instant.parse("2025-08-12T03:13:32.158570Z"), Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("2026-12-07T00:00:00Z"), Instant.ofEpochSecond(1_800_000_000L, 7)}) {
            String cursor = KeysetPage.cursor(at, ID);
            KeysetPage page = KeysetPage.parse("5", cursor);
            assertEquals(at, page.afterAt());
            assertEquals(ID, page.afterId());
            assertEquals(5, page.limit());
            assertEquals(38, cursor.length(), cursor);
        }
    }

    @Test
    void noCursorIsTheFirstPageWithTheDefaultLimit() {
        KeysetPage page = KeysetPage.parse(null, null);
        assertNull(page.afterAt());
        assertNull(page.afterId());
        assertEquals(PageRequest.DEFAULT_LIMIT, page.limit());
    }

    @Test
    void aCursorOfTheEarlierTextFormIsStillRead() {
        String legacy = PageRequest.encode("2025-08-12T03:13:32.158570Z", ID.toString());
        KeysetPage page = KeysetPage.parse(null, legacy);
        assertEquals(Instant.parse("2025-08-12T03:13:32.158570Z"), page.afterAt());
        assertEquals(ID, page.afterId());
    }

    @Test
    void anythingElseIsABadCursor() {
        ByteBuffer badNanos = ByteBuffer.allocate(28).putLong(0).putInt(1_000_000_000).putLong(1).putLong(2);
        ByteBuffer beyondPostgres = ByteBuffer.allocate(28).putLong(Instant.parse("+300000-01-01T00:00:00Z").getEpochSecond())
                .putInt(0).putLong(1).putLong(2);
        for (String cursor : new String[] {"not-a-cursor!", "!".repeat(38), "", encode(badNanos), encode(beyondPostgres),
                PageRequest.encode("yesterday", ID.toString()), PageRequest.encode("2025-08-12T03:13:32Z", "not-a-uuid"),
                PageRequest.encode("2025-08-12T03:13:32Z")}) {
            InvalidException e = assertThrows(InvalidException.class, () -> KeysetPage.parse(null, cursor), cursor);
            assertEquals("cursor", e.errors().get(0).field(), cursor);
        }
    }

    @Test
    void aBadLimitIsRefusedWithOrWithoutACursor() {
        assertThrows(InvalidException.class, () -> KeysetPage.parse("0", null));
        assertThrows(InvalidException.class, () -> KeysetPage.parse("101", KeysetPage.cursor(Instant.EPOCH, ID)));
    }

    private static String encode(ByteBuffer bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
