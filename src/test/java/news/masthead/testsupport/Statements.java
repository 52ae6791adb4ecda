package news.masthead.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Counts the SQL statements one request runs on its own thread ({@link RequestStatements}), so
 * background workers polling at the same moment do not count.
 */
public final class Statements {
    private Statements() {
    }

    /** GETs {@code path} with {@code params}, checks the answer, and returns how many statements it ran. */
    public static long during(String path, Map<String, ?> params, Consumer<Response> check) {
        return during(path, params, UnaryOperator.identity(), check);
    }

    /** As {@link #during(String, Map, Consumer)}, with headers or the like added by {@code request}. */
    public static long during(String path, Map<String, ?> params, UnaryOperator<RequestSpecification> request,
            Consumer<Response> check) {
        RequestStatements.reset();
        Response r = request.apply(given().redirects().follow(false).header(RequestStatements.HEADER, "1"))
                .queryParams(params).get(path);
        long count = RequestStatements.count();
        check.accept(r);
        return count;
    }
}
