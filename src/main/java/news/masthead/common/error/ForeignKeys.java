package news.masthead.common.error;

import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;

/**
 * A write that names another feature's row by id leaves the check that the row exists to the
 * foreign key. The writing feature then needs nothing of the owning one (no dependency, so no
 * cycle), and a row deleted between a check and the insert cannot slip through. This turns a
 * violation of that one key into the 400 the caller can act on, naming the field.
 */
public final class ForeignKeys {
    /** PostgreSQL's detail of a foreign-key violation: {@code Key (partner_id)=(…) is not present in table …}. */
    private static final Pattern KEY = Pattern.compile("^Key \\([^)]*\\)=\\((.*)\\) is not present");

    private ForeignKeys() {
    }

    /**
     * Runs {@code write}, which must flush what it inserts; a violation of {@code constraint}
     * becomes an {@link InvalidException} on {@code field}. {@code message} gets the missing key as
     * PostgreSQL reports it (null when it does not). The transaction is left to roll back.
     */
    public static <T> T checked(String constraint, String field, Function<String, String> message, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ConstraintViolationException c && constraint.equalsIgnoreCase(c.getConstraintName())) {
                    throw new InvalidException(field, message.apply(missingKey(c.getSQLException())));
                }
            }
            throw e;
        }
    }

    private static String missingKey(SQLException e) {
        if (e instanceof PSQLException pg && pg.getServerErrorMessage() != null && pg.getServerErrorMessage().getDetail() != null) {
            Matcher m = KEY.matcher(pg.getServerErrorMessage().getDetail());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
