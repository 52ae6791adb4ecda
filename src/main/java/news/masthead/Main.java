package news.masthead;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import news.masthead.common.embedded.EmbeddedDatabase;

/**
 * Starts Masthead. With no datasource configured it first starts an embedded PostgreSQL whose
 * data lives under {@code .masthead/} in the working directory, and asks for demo content.
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        if (EmbeddedDatabase.neededFor(System.getenv(), System.getProperties())) {
            EmbeddedDatabase.start();
        }
        Quarkus.run(args);
    }
}
