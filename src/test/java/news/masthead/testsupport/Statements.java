package news.masthead.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;

/** Counts the SQL statements Hibernate prepares while one request is served (statistics are on in %test). */
public final class Statements {
    private Statements() {
    }

    /** GETs {@code path} with {@code params}, checks the answer, and returns how many statements it ran. */
    public static long during(SessionFactory sessions, String path, Map<String, ?> params, Consumer<Response> check) {
        sessions.getStatistics().clear();
        Response r = given().redirects().follow(false).queryParams(params).get(path);
        long count = sessions.getStatistics().getPrepareStatementCount();
        check.accept(r);
        return count;
    }
}
