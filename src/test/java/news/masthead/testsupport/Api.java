package news.masthead.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicLong;

/** Small request builders shared by the tests. */
public final class Api {
    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private Api() {
    }

    /** A slug no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(SEQ.incrementAndGet(), 36);
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given();
    }
}
