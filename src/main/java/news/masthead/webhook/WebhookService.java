package news.masthead.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import news.masthead.access.Caller;
import news.masthead.common.error.FieldError;
import news.masthead.common.error.InvalidException;
import news.masthead.common.error.NotFoundException;
import news.masthead.common.json.MergePatch;
import news.masthead.common.json.StrictJson;
import news.masthead.common.paging.CursorParts;
import news.masthead.common.paging.KeysetPage;
import news.masthead.common.paging.Page;
import news.masthead.common.paging.PageRequest;
import news.masthead.common.time.Now;
import news.masthead.webhook.api.DeliveryAttemptResponse;
import news.masthead.webhook.api.WebhookCreated;
import news.masthead.webhook.api.WebhookResponse;
import news.masthead.webhook.api.WebhookWrite;

/** The admin use cases of webhook subscriptions and their delivery log. */
@ApplicationScoped
public class WebhookService {
    private final WebhookRepository webhooks;
    private final DeliveryAttemptRepository attempts;
    private final UrlGuard guard;
    private final StrictJson strict;
    private final Caller caller;
    private final Now clock;

    WebhookService(WebhookRepository webhooks, DeliveryAttemptRepository attempts, UrlGuard guard, StrictJson strict,
                   Caller caller, Now clock) {
        this.webhooks = webhooks;
        this.attempts = attempts;
        this.guard = guard;
        this.strict = strict;
        this.caller = caller;
        this.clock = clock;
    }

    /** A missing secret is generated and returned in this answer only, as token secrets are. */
    @Transactional
    public WebhookCreated create(WebhookWrite write) {
        List<String> events = validate(write, true);
        Instant now = clock.instant();
        String generated = write.secret() == null ? Signatures.newSecret() : null;
        Webhook w = new Webhook();
        w.id = UUID.randomUUID();
        w.url = write.url().strip();
        w.events = events.toArray(String[]::new);
        w.secret = generated != null ? generated : write.secret();
        w.active = write.activeOrDefault();
        w.createdAt = now;
        w.createdBy = caller.name();
        w.modifiedAt = now;
        webhooks.persist(w);
        return new WebhookCreated(w.id, w.url, events, w.active, w.createdAt, w.createdBy, w.modifiedAt, generated);
    }

    @Transactional
    public Page<WebhookResponse> list(String limit, String cursor) {
        KeysetPage page = KeysetPage.parse(limit, cursor);
        return Page.of(webhooks.pageByCreated(page.afterAt(), page.afterId(), page.limit()), page.limit(),
                WebhookService::view,
                w -> KeysetPage.cursor(w.createdAt, w.id));
    }

    @Transactional
    public WebhookResponse get(UUID id) {
        return view(find(id));
    }

    /** JSON Merge Patch over url, events and active; {@code secret} rotates the secret. */
    @Transactional
    public WebhookResponse patch(UUID id, JsonNode body) {
        MergePatch<WebhookWrite> patch = MergePatch.of(body, WebhookWrite.class);
        if (patch.names("secret") && body.get("secret").isNull()) {
            throw new InvalidException("secret", "cannot be removed; send a new one to rotate it");
        }
        Webhook w = find(id);
        WebhookWrite current = new WebhookWrite(w.url, List.of(w.events), null, w.active);
        WebhookWrite next = strict.merge(current, patch);
        List<String> events = validate(next, !next.url().strip().equals(w.url));
        boolean changed = !next.url().strip().equals(w.url) || !events.equals(List.of(w.events))
                || next.activeOrDefault() != w.active || next.secret() != null && !next.secret().equals(w.secret);
        if (changed) {
            w.url = next.url().strip();
            w.events = events.toArray(String[]::new);
            w.active = next.activeOrDefault();
            if (next.secret() != null) {
                w.secret = next.secret();
            }
            w.modifiedAt = clock.instant();
        }
        return view(w);
    }

    /** Its queued events and delivery log go with it. */
    @Transactional
    public void delete(UUID id) {
        webhooks.delete(find(id));
    }

    /** One row per attempt, newest first. */
    @Transactional
    public Page<DeliveryAttemptResponse> deliveries(UUID id, String limit, String cursor) {
        find(id);
        PageRequest page = PageRequest.parse(limit, cursor, 3);
        Instant afterAt = page.after().map(c -> CursorParts.instant(c.get(0))).orElse(null);
        DeliveryAttempt.Key after = page.after()
                .map(c -> new DeliveryAttempt.Key(CursorParts.uuid(c.get(1)), parseInt(c.get(2)))).orElse(null);
        return Page.of(attempts.page(id, afterAt, after, page.limit()), page.limit(), WebhookService::view,
                a -> PageRequest.encode(a.at.toString(), a.key.deliveryId().toString(),
                        Integer.toString(a.key.attempt())));
    }

    private Webhook find(UUID id) {
        return webhooks.findByIdOptional(id).orElseThrow(() -> new NotFoundException("No webhook has this id."));
    }

    /**
     * Checks what Bean Validation cannot: known event types, and (when the URL is new) that it may be
     * called at all. Both faults are named together. Returns the events without duplicates.
     */
    private List<String> validate(WebhookWrite write, boolean checkUrl) {
        List<FieldError> errors = new ArrayList<>();
        if (checkUrl) {
            guard.refusal(write.url().strip()).ifPresent(reason -> errors.add(new FieldError("url", reason)));
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (String e : write.events()) {
            if (e == null || WebhookEventType.of(e).isEmpty()) {
                errors.add(new FieldError("events", "'" + e + "' is not an event type; use "
                        + String.join(", ", WebhookEventType.wireNames())));
                break;
            }
            events.add(e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        return List.copyOf(events);
    }

    private static WebhookResponse view(Webhook w) {
        return new WebhookResponse(w.id, w.url, Arrays.asList(w.events), w.active, w.createdAt, w.createdBy, w.modifiedAt);
    }

    private static DeliveryAttemptResponse view(DeliveryAttempt a) {
        return new DeliveryAttemptResponse(a.key.deliveryId(), a.eventId, a.eventType, a.key.attempt(), a.at,
                a.responseStatus, a.error, a.durationMs, a.outcome);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (RuntimeException e) {
            throw PageRequest.badCursor();
        }
    }
}
