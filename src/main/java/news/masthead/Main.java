package news.masthead;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import news.masthead.common.embedded.EmbeddedDatabase;
import news.masthead.transfer.Transfer;

/**
 * Starts Masthead. With no datasource configured it first starts an embedded PostgreSQL whose
 * data lives under {@code .masthead/} in the working directory, and asks for demo content.
 * With {@code --export FILE} or {@code --import FILE} it moves the content instead (see Transfer).
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        boolean transfer = Transfer.requested(args) != null;
        if (EmbeddedDatabase.neededFor(System.getenv(), System.getProperties())) {
            EmbeddedDatabase.start();
        }
        if (transfer) {
            // Moving content is not serving it: no demo content in the archive, and any free port,
            // so a transfer never fights a running server for 8080.
            System.setProperty("masthead.demo.load", "false");
            System.setProperty("quarkus.http.port", "0");
            Quarkus.run(Transfer.class, args);
        } else {
            Quarkus.run(args);
        }
    }
}
