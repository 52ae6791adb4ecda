package news.masthead.cdn;

import static io.restassured.RestAssured.given;
import static news.masthead.testsupport.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without MASTHEAD_PURGE_URL (the default): nothing is queued, and no answer invites a CDN to keep it long. */
@QuarkusTest
class CdnNotConfiguredTest {
    @Inject
    PurgeOutbox outbox;
    @Inject
    AgroalDataSource db;

    @Test
    void withoutAPurgeUrlNothingIsQueued() throws SQLException {
        String key = "t-unset-" + UUID.randomUUID();
        assertFalse(outbox.enabled());
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(List.of(key)));
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from cdn_purge where keys like ?")) {
            s.setString(1, "%" + key + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
        }
    }

    @Test
    void withoutAPurgeUrlContentAnswersCarryNoSurrogateControl() {
        for (int i = 0; i < 2; i++) { // the pipeline, then the cache hit
            given().get("/api/v1/sections").then().statusCode(200)
                    .header("Surrogate-Key", containsString("sections"))
                    .header("Surrogate-Control", nullValue());
        }
    }

    @Test
    void manualPurgeWithoutACdnIsAConflict() {
        admin().body(Map.of("keys", List.of("articles"))).post("/api/v1/admin/cdn/purges")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:masthead:problem:conflict"))
                .body("detail", containsString("MASTHEAD_PURGE_URL"));
    }
}
