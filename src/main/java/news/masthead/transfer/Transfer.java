package news.masthead.transfer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.QuarkusApplication;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.masthead.article.body.Sanitizer;
import news.masthead.common.time.Now;

/**
 * {@code java -jar quarkus-run.jar --export FILE}, {@code --import FILE} and
 * {@code --import-wxr FILE} (a WordPress export): Masthead in command
 * mode, against the same database the server would use (configured, or the embedded one under
 * {@code .masthead/}; stop the server first, since the embedded database has one owner at a time).
 */
public class Transfer implements QuarkusApplication {
    static final int BATCH_SIZE = 500;

    private final AgroalDataSource dataSource;
    private final Sanitizer sanitizer;
    private final Now clock;

    public Transfer(AgroalDataSource dataSource, Sanitizer sanitizer, Now clock) {
        this.dataSource = dataSource;
        this.sanitizer = sanitizer;
        this.clock = clock;
    }

    /** The transfer the arguments ask for, or null when they ask for the server. */
    public static String[] requested(String... args) {
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--export") || args[i].equals("--import") || args[i].equals("--import-wxr"))) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a file: " + args[i] + " FILE");
                }
                return new String[] {args[i], args[i + 1]};
            }
        }
        return null;
    }

    @Override
    public int run(String... args) throws Exception {
        String[] what = requested(args);
        Path file = Path.of(what[1]);
        PrintStream log = System.err;
        if (what[0].equals("--export")) {
            // Written beside the target and moved into place: a failed export leaves no half file.
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Map<NdjsonExport.Kind, Integer> counts;
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                counts = new NdjsonExport(dataSource).write(out, log::println);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.println("Exported to " + file + ": " + counts);
            return 0;
        }
        // An imported database is the newsroom's own: demo content must never be added to it later.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into app_state (key, value) values ('demo-content-loaded', 'import') on conflict (key) do nothing");
        }
        try (BufferedReader in = what[0].equals("--import-wxr") ? wxr(file) : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            NdjsonImport.Summary summary = new NdjsonImport(dataSource, BATCH_SIZE).read(in, log::println);
            log.println("Imported " + file + ":\n" + summary);
        } catch (IllegalStateException e) {
            log.println("Import not started: " + e.getMessage());
            return 1;
        } catch (NdjsonImport.ImportException e) {
            // For a WordPress export the line is the converted record's (sections, authors, then posts).
            log.println("Import stopped at " + e.getMessage()
                    + "\nEverything before that line's batch is imported; fix the file and run again (done records are skipped).");
            return 1;
        }
        return 0;
    }

    /** The WordPress export as the NDJSON records it becomes; its articles carry the default notice. */
    private BufferedReader wxr(Path file) throws Exception {
        UUID notice;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id from copyright_notice where is_default")) {
            if (!r.next()) {
                throw new IllegalStateException("no default copyright notice: create one (isDefault: true) before importing WordPress posts");
            }
            notice = r.getObject(1, UUID.class);
        }
        List<String> lines;
        try (InputStream in = Files.newInputStream(file)) {
            lines = new WxrConverter(sanitizer, notice, clock.instant()).convert(in);
        }
        return new BufferedReader(new StringReader(String.join("\n", lines)));
    }
}
