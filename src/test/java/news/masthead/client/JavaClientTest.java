package news.masthead.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import news.masthead.client.api.AdminArticlesApi;
import news.masthead.client.api.AdminAuthorsApi;
import news.masthead.client.api.AdminCopyrightNoticesApi;
import news.masthead.client.api.AdminSectionsApi;
import news.masthead.client.api.ContentArticlesApi;
import news.masthead.client.model.AdminArticle;
import news.masthead.client.model.Article;
import news.masthead.client.model.ArticlePatch;
import news.masthead.client.model.ArticleWrite;
import news.masthead.client.model.AuthorWrite;
import news.masthead.client.model.Block;
import news.masthead.client.model.CopyrightNoticeWrite;
import news.masthead.client.model.HtmlBlock;
import news.masthead.client.model.ParagraphBlock;
import news.masthead.client.model.PublishRequest;
import news.masthead.client.model.QuoteBlock;
import news.masthead.client.model.SectionWrite;
import org.junit.jupiter.api.Test;

/**
 * An editor's day driven only through the Java client that openapi-generator builds from the
 * committed openapi.yaml (see pom.xml): if the spec drifts from what the server does, or cannot
 * produce a working client, this fails. Nothing here uses RestAssured or the server's classes.
 */
@QuarkusTest
class JavaClientTest {
    private static final String TOKEN = "test-admin-token";

    @TestHTTPResource("/")
    URL server;

    private ApiClient admin() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TOKEN));
        return client;
    }

    private ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString().replaceAll("/$", ""));
        return client;
    }

    @Test
    void anEditorWritesEditsAndPublishesAnArticleThatReadersThenSee() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = admin();

        String section = new AdminSectionsApi(admin).createSection(new SectionWrite().name("Client desk " + run)).getSlug();
        String author = new AdminAuthorsApi(admin).createAuthor(new AuthorWrite().name("Casey Client " + run)).getSlug();
        UUID notice = new AdminCopyrightNoticesApi(admin).createCopyrightNotice(new CopyrightNoticeWrite()
                .holder("Client Media " + run).year(2026).statement("All rights reserved.")).getId();

        AdminArticlesApi articles = new AdminArticlesApi(admin);
        var created = articles.createArticleWithHttpInfo(new ArticleWrite()
                .headline("Generated clients reach the newsroom " + run)
                .summary("A typed client from the spec.")
                .section(section)
                .authors(List.of(author))
                .tags(List.of("clients"))
                .copyrightNotice(notice)
                .body(List.of(
                        new Block(new ParagraphBlock().type(ParagraphBlock.TypeEnum.PARAGRAPH).text("First <em>draft</em>.")),
                        new Block(new QuoteBlock().type(QuoteBlock.TypeEnum.QUOTE).text("It just works.").attribution("A reader")),
                        new Block(new HtmlBlock().type(HtmlBlock.TypeEnum.HTML)
                                .html("<p>Custom <script>alert(1)</script>box</p>")))));
        assertEquals(201, created.getStatusCode());
        AdminArticle draft = created.getData();
        assertEquals("draft", draft.getStatus().getValue());
        assertEquals("\"" + draft.getRevision() + "\"", created.getHeaders().get("etag").get(0));

        ContentArticlesApi content = new ContentArticlesApi(anonymous());
        String slug = draft.getSlug();
        assertEquals(404, assertThrows(ApiException.class, () -> content.getArticle(slug)).getCode(),
                "a draft is invisible to readers");

        String etag = created.getHeaders().get("etag").get(0);
        var patched = articles.patchArticleWithHttpInfo(draft.getId(), etag,
                new ArticlePatch().summary("Edited through the generated client."));
        assertEquals(draft.getRevision() + 1, patched.getData().getRevision());
        String newEtag = patched.getHeaders().get("etag").get(0);

        ApiException stale = assertThrows(ApiException.class, () ->
                articles.patchArticle(draft.getId(), etag, new ArticlePatch().summary("A lost update")));
        assertEquals(412, stale.getCode(), "a stale If-Match never overwrites a colleague's edit");
        assertTrue(stale.getResponseBody().contains("\"currentRevision\":" + patched.getData().getRevision()));

        AdminArticle published = articles.publishArticle(draft.getId(), newEtag, new PublishRequest());
        assertEquals("published", published.getStatus().getValue());

        Article read = content.getArticle(slug);
        assertEquals("Generated clients reach the newsroom " + run, read.getHeadline());
        assertEquals("Edited through the generated client.", read.getSummary());
        assertEquals(section, read.getSection().getSlug());
        assertEquals("Casey Client " + run, read.getAuthors().get(0).getName());
        assertEquals("Copyright 2026 Client Media " + run + ". All rights reserved.", read.getCopyright().getNotice());
        assertEquals(3, read.getBody().size());
        assertEquals("First <em>draft</em>.", ((ParagraphBlock) read.getBody().get(0).getActualInstance()).getText());
        assertEquals("A reader", ((QuoteBlock) read.getBody().get(1).getActualInstance()).getAttribution());
        String html = ((HtmlBlock) read.getBody().get(2).getActualInstance()).getHtml();
        assertFalse(html.contains("script"), html);

        var listed = content.listArticles(null, null, 10, null, section, null, null, null, null).getData();
        assertEquals(List.of(slug), listed.stream().map(a -> a.getSlug()).toList());
    }
}
