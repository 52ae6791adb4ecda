package news.masthead.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import news.masthead.common.cache.ChangeListener;
import news.masthead.common.time.Now;
import org.jboss.logging.Logger;

/**
 * This instance's subscribers and the one reader of the stream's log that feeds them all. The
 * instance's listener connection (the content cache's, {@link ChangeListener}) wakes it on every
 * commit that wrote events, on any instance, and when a scheduled article's instant comes; it then
 * reads the settled events after its position once and hands each to every subscriber that may
 * hear it. Everything runs on one thread of its own, so a subscriber joining (and catching up) and
 * events being delivered never interleave.
 */
@ApplicationScoped
public class StreamHub implements ChangeListener.Wake {
    private static final Logger LOG = Logger.getLogger(StreamHub.class);
    /** How far back Last-Event-ID may resume. */
    public static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int BATCH = 500;

    private final StreamLog log;
    private final Now clock;
    private final ObjectMapper json;
    private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean queued = new AtomicBoolean();
    /** A scheduled instant has come since the last read (or nobody has looked yet): announce what fell due. */
    private final AtomicBoolean announce = new AtomicBoolean(true);
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-stream");
        t.setDaemon(true);
        return t;
    });
    private volatile Position position;

    StreamHub(StreamLog log, Now clock, ObjectMapper json) {
        this.log = log;
        this.clock = clock;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        // Starts from the log's settled end: a new instance has no subscribers yet to tell the past.
        wake(true);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    @Override
    public String channel() {
        return StreamLog.CHANNEL;
    }

    /**
     * A commit or a due instant: read the log once more (one read however many wake-ups queue up).
     * Only a due instant can make a scheduled article public, so only then is there something to
     * announce: the listener wakes every instance at each scheduled article's instant.
     */
    @Override
    public void wake(boolean due) {
        if (due) {
            announce.set(true);
        }
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::poll);
        }
    }

    /**
     * Adds a subscriber. With {@code lastEventId} of an event of the last {@link #WINDOW}, it first
     * receives every event after that one it may hear, then the live ones; with an older or unknown
     * one, an {@code event: reset} first (it missed events we no longer know).
     *
     * <p>Called on the thread serving the request, which opens the sink (writes the response head)
     * here, before this hub's thread can write to it: two threads writing the first bytes of one
     * response is how subscribers lost their stream (see {@code SseSink}).
     */
    public void subscribe(Subscription s, Optional<String> lastEventId) {
        s.sink().open();
        worker.execute(() -> {
            try {
                if (lastEventId.isPresent()) {
                    Optional<Position> from = Position.parse(lastEventId.get()).filter(p -> log.resumable(p, WINDOW));
                    if (from.isPresent()) {
                        catchUp(s, from.get());
                    } else if (!s.sink().send("reset", null, data(Map.of("at", clock.instant().toString())))) {
                        return;
                    }
                }
                if (position == null) {
                    // Live from here: the hub stops reading while nobody listens (see poll).
                    position = log.tip();
                }
                subscribers.add(s);
                // Says the subscriber is live: what commits from now on reaches it (and proxies see bytes at once).
                s.sink().keepAlive();
            } catch (RuntimeException e) {
                LOG.warnf("A stream subscriber could not join: %s", e.getMessage());
                s.sink().send("reset", null, data(Map.of("at", clock.instant().toString())));
                subscribers.add(s);
            }
        });
    }

    /** How many are connected to this instance. */
    public int subscribers() {
        return subscribers.size();
    }

    @Scheduled(every = "${masthead.stream.keep-alive:15s}", delayed = "${masthead.stream.keep-alive:15s}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void keepAlive() {
        subscribers.removeIf(s -> !s.sink().keepAlive());
    }

    /** The log keeps what a subscriber may resume from, and a little more. */
    @Scheduled(every = "60s", delayed = "60s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forget() {
        log.forget(WINDOW.plusMinutes(5));
    }

    private void catchUp(Subscription s, Position from) {
        if (position == null) {
            position = log.tip();
        }
        Position upTo = position;
        Position at = from;
        List<StreamEvent> missed;
        do {
            missed = log.between(at, upTo, BATCH);
            for (StreamEvent e : missed) {
                if (s.hears(e) && !s.sink().send(e.kind(), e.position().wire(), data(e))) {
                    return;
                }
                at = e.position();
            }
        } while (missed.size() == BATCH);
    }

    /**
     * Announces what fell due (when an instant came), then hands the new events to the
     * subscribers. With none, it reads no events and forgets its position: a subscriber starts
     * live from the log's end then, or resumes from the log itself, so nothing is lost, and a busy
     * desk's every commit no longer costs each idle instance a read. Due announcements go on
     * regardless: they are the log's, for every instance's subscribers and for those who resume
     * later.
     */
    private void poll() {
        queued.set(false);
        boolean announcing = announce.getAndSet(false);
        try {
            if (subscribers.isEmpty()) {
                position = null;
                if (announcing) {
                    log.announceDue();
                }
                return;
            }
            if (position == null) {
                position = log.tip();
            }
            StreamLog.Read read = log.read(position, BATCH, announcing);
            deliver(read.events());
            boolean unsettled = read.unsettled();
            List<StreamEvent> events = read.events();
            while (events.size() == BATCH) {
                events = log.after(position, BATCH);
                deliver(events);
                unsettled = events.size() < BATCH && log.unsettled(position);
            }
            if (unsettled) {
                // Committed, but behind a transaction still running: read again shortly.
                worker.schedule(() -> wake(false), 50, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.warnf("The event stream could not read its log (%s); trying again in a second", e.getMessage());
            worker.schedule(() -> wake(announcing), 1, TimeUnit.SECONDS);
        }
    }

    private void deliver(List<StreamEvent> events) {
        for (StreamEvent e : events) {
            deliver(e);
            position = e.position();
        }
    }

    private void deliver(StreamEvent e) {
        String data = null;
        for (Subscription s : subscribers) {
            if (s.hears(e)) {
                if (data == null) {
                    data = data(e);
                }
                if (!s.sink().send(e.kind(), e.position().wire(), data)) {
                    subscribers.remove(s);
                }
            }
        }
    }

    private String data(StreamEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.articleId());
        m.put("slug", e.slug());
        m.put("section", e.section());
        m.put("at", e.at().toString());
        if (e.entryId() != null) {
            m.put("entry", e.entryId());
        }
        return data(m);
    }

    private String data(Map<String, Object> m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
