package news.masthead.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import news.masthead.article.api.ArticlePatch;
import news.masthead.article.api.ArticleWrite;
import news.masthead.author.api.AuthorPatch;
import news.masthead.author.api.AuthorWrite;
import news.masthead.common.error.InvalidException;
import news.masthead.copyright.api.CopyrightNoticePatch;
import news.masthead.copyright.api.CopyrightNoticeWrite;
import news.masthead.section.api.SectionPatch;
import news.masthead.section.api.SectionWrite;
import news.masthead.webhook.api.WebhookPatch;
import news.masthead.webhook.api.WebhookWrite;
import org.junit.jupiter.api.Test;

class MergePatchTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void patchableMembersAreTheWriteRecordsComponentsByTheirJsonNames() {
        assertEquals(Set.of("slug", "name", "jobTitle", "bio", "avatarUrl", "email"), MergePatch.members(AuthorWrite.class));
        // isDefault keeps its name on the wire (@JsonProperty), not Jackson's "default".
        assertTrue(MergePatch.members(CopyrightNoticeWrite.class).contains("isDefault"));
    }

    @Test
    void aMemberTheWriteDoesNotHaveIsRefusedNamingItEvenWhenNull() throws Exception {
        InvalidException e = assertThrows(InvalidException.class,
                () -> MergePatch.of(json.readTree("{\"name\": \"x\", \"id\": null}"), AuthorWrite.class));
        assertEquals("id", e.errors().get(0).field());
        assertThrows(InvalidException.class, () -> MergePatch.of(json.readTree("[]"), AuthorWrite.class));
    }

    @Test
    void writeOnlyMembersAreAcceptedReadAsSentAndLeftOutOfTheMerge() throws Exception {
        MergePatch<AuthorWrite> patch = MergePatch.of(json.readTree("{\"bio\": null, \"note\": \"why\"}"),
                AuthorWrite.class, "note");
        assertEquals("why", patch.writeOnly("note").asText());
        JsonNode merged = patch.over(json.readTree("{\"name\": \"Jane\", \"bio\": \"Old.\"}"));
        assertEquals(json.readTree("{\"name\": \"Jane\"}"), merged, "null clears, the write-only member stays out");
        assertTrue(patch.names("bio"));
        assertFalse(patch.names("email"));
    }

    /** The documented PATCH bodies name exactly what the helper lets through, so the spec cannot drift. */
    @Test
    void everyDocumentedPatchBodyNamesExactlyThePatchableMembers() {
        assertEquals(MergePatch.members(AuthorWrite.class), components(AuthorPatch.class));
        assertEquals(MergePatch.members(SectionWrite.class), components(SectionPatch.class));
        assertEquals(MergePatch.members(CopyrightNoticeWrite.class), components(CopyrightNoticePatch.class));
        assertEquals(MergePatch.members(WebhookWrite.class), components(WebhookPatch.class));
        Set<String> article = new HashSet<>(MergePatch.members(ArticleWrite.class));
        article.addAll(Set.of("updateNote", "updateKind"));
        assertEquals(article, components(ArticlePatch.class));
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
