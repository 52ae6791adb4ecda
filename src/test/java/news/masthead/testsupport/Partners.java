package news.masthead.testsupport;

import static news.masthead.testsupport.Api.admin;

import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Partners and their tokens, made through the Admin API. */
public final class Partners {
    private Partners() {
    }

    /** A partner limited to {@code sections} (none: all); returns its id. */
    public static String create(boolean receivesEmbargoed, String... sections) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Api.unique("partner"));
        body.put("sections", List.of(sections));
        body.put("receivesEmbargoed", receivesEmbargoed);
        return admin().body(body).post("/api/v1/admin/partners").then().statusCode(201).extract().path("id");
    }

    /** A new partner token's secret. */
    public static String token(String partnerId) {
        return admin().body(Map.of("name", Api.unique("partner-token"), "role", "partner", "partner", partnerId))
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().path("secret");
    }

    public static RequestSpecification as(String secret) {
        return Tokens.as(secret);
    }

    /** A copyright notice with this syndication ("none", "partners" or "listed" with partner ids). */
    public static String notice(String syndication, String... listed) {
        Map<String, Object> body = new HashMap<>();
        body.put("holder", "Holder " + Api.unique("h"));
        body.put("year", 2026);
        body.put("statement", "All rights reserved.");
        body.put("syndication", syndication);
        body.put("partners", List.of(listed));
        return admin().body(body).post("/api/v1/admin/copyright-notices").then().statusCode(201).extract().path("id");
    }
}
