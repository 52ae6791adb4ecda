package news.masthead.demo;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import news.masthead.common.time.Now;

/** Facts about this installation, kept in the {@code app_state} table. */
@ApplicationScoped
public class AppState implements PanacheRepositoryBase<AppState.Fact, String> {
    private final Now clock;

    AppState(Now clock) {
        this.clock = clock;
    }

    /** Records {@code key} once; true only for the caller that recorded it first. */
    public boolean claim(String key) {
        return getEntityManager().createNativeQuery(
                        "insert into app_state (key, value) values (:key, :now) on conflict (key) do nothing")
                .setParameter("key", key).setParameter("now", clock.instant().toString()).executeUpdate() == 1;
    }

    @Entity
    @Table(name = "app_state")
    public static class Fact {
        @Id
        public String key;
        public String value;
    }
}
