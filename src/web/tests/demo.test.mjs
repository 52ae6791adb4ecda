// What a reader sees on /demo/, in a real browser against a real Masthead: the front page (the
// editors' collection first), one article with every block type, a liveblog, and stored XSS
// payloads that must not run.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openBrowser } from "./browser.mjs";
import { publish, startMasthead } from "./masthead.mjs";

const DOCS = fileURLToPath(new URL("../docs/", import.meta.url));
let masthead;
let browser;

before(async () => {
  mkdirSync(DOCS, { recursive: true });
  masthead = await startMasthead();
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await masthead?.stop();
});

/** The copy desk's clock, computed independently of the page: "4:49 p.m. EDT". */
function newsroomClock(iso) {
  const text = new Intl.DateTimeFormat("en-US", {
    timeZone: "America/New_York", hour: "numeric", minute: "2-digit", timeZoneName: "short",
  }).format(new Date(iso));
  return text.replace(/\s?AM/, " a.m.").replace(/\s?PM/, " p.m.").replace(/\u202f/g, " ");
}

/** A fresh reader's page that records every dialog (alert, confirm) a payload might open. */
async function watchedPage() {
  const page = await browser.context.newPage();
  // Content API answers are cacheable for 60 s by contract; each test is a new reader, so it must
  // not see the list an earlier test's page cached before articles were added.
  await (await browser.context.newCDPSession(page)).send("Network.clearBrowserCache");
  const dialogs = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return { page, dialogs };
}

test("the demo is static and public: no token, no query filter, no CORS in the way", async () => {
  for (const path of ["/demo/", "/demo/index.html", "/demo/app.js", "/demo/demo.css", "/demo/?utm_source=newsletter"]) {
    const response = await fetch(`${masthead.baseUrl}${path}`);
    assert.equal(response.status, 200, path);
  }
  const html = await (await fetch(`${masthead.baseUrl}/demo/`)).text();
  assert.match(html, /<script type="module" src="app.js"><\/script>/);

  // The front page over the demo content alone, before the other tests add articles.
  const { page, dialogs } = await watchedPage();
  await page.goto(`${masthead.baseUrl}/demo/`);
  await page.locator(".section[data-section=latest] .teaser").first().waitFor();
  assert.ok(await page.locator(".section[data-section=news] .teaser").count() > 0);

  // The demo content has a front: it leads the page, exactly as the Content API orders it, and its
  // pinned liveblog (flagged Live) carries the editors' headline rather than its own.
  const home = await (await fetch(`${masthead.baseUrl}/api/v1/collections/home`)).json();
  const front = page.locator(".collection[data-collection=home]");
  assert.equal(await front.locator("h2").textContent(), home.name);
  assert.deepEqual(await front.locator(".teaser .headline").allTextContents(), home.items.map((i) => i.headline));
  const live = home.items.find((i) => i.article.kind === "liveblog");
  assert.ok(live, "the demo front pins a liveblog");
  assert.equal(live.source, "pinned");
  assert.notEqual(live.headline, live.article.headline, "the demo front overrides the liveblog's headline");
  const liveTeaser = front.locator(`.teaser[data-slug="${live.article.slug}"]`);
  assert.equal(await liveTeaser.locator(".headline").textContent(), live.headline);
  assert.equal(await liveTeaser.locator(".live-flag").textContent(), "Live");
  assert.ok(home.items.some((i) => i.source === "fill"), "the demo front fills from a section");
  await page.screenshot({ path: `${DOCS}demo-front.png`, fullPage: true });

  // The demo liveblog: its pinned entry on top, then the rest newest first, key events marked.
  await liveTeaser.locator("a.headline").click();
  await page.locator(".liveblog .entry").first().waitFor();
  const entries = await (await fetch(`${masthead.baseUrl}/api/v1/articles/${live.article.slug}/entries`)).json();
  assert.ok(entries.meta.pinned, "the demo liveblog has a pinned entry");
  assert.ok(entries.data.some((e) => e.keyEvent), "the demo liveblog has a key event");
  assert.equal(await page.locator(".liveblog .entry").first().getAttribute("data-entry"), entries.meta.pinned.id);
  assert.equal(await page.locator(".liveblog .entry.key-event").count(), entries.data.filter((e) => e.keyEvent && !e.pinned).length
    + (entries.meta.pinned.keyEvent ? 1 : 0));
  assert.deepEqual(dialogs, []);
  await page.close();
});

test("the front shows the editors' collection in their order, with their headline, before the fill", async () => {
  const run = Date.now().toString(36);
  const lead = (await publish(masthead, {
    headline: `Port strike ends after a night of talks ${run}`,
    summary: "Dockers return to work on Friday.",
    section: "business",
    body: [{ type: "paragraph", text: "The strike ended shortly after midnight." }],
  })).json;
  const second = (await publish(masthead, {
    headline: `Council approves the new tram line ${run}`,
    section: "politics",
    body: [{ type: "paragraph", text: "The vote was 31 to 12." }],
  })).json;
  const list = (await masthead.admin("GET", "/api/v1/admin/collections?limit=100")).json;
  const homeId = list.data.find((c) => c.slug === "home").id;
  const home = await masthead.admin("GET", `/api/v1/admin/collections/${homeId}`);
  // The editors put two new stories on top, the first under a front-page headline of its own;
  // what was pinned before follows, and the fill (the newest news) after that.
  const override = `Docks reopen: the strike is over ${run}`;
  const items = [{ article: lead.id, headline: override }, { article: second.id }, ...home.json.items];
  await masthead.admin("PATCH", `/api/v1/admin/collections/${homeId}`, { items, size: items.length + 2 },
    { "If-Match": home.etag, "Content-Type": "application/merge-patch+json" });

  const { page, dialogs } = await watchedPage();
  await page.goto(`${masthead.baseUrl}/demo/`);
  const teasers = page.locator(".collection[data-collection=home] .teaser");
  await teasers.first().waitFor();
  const headlines = await teasers.locator(".headline").allTextContents();
  assert.equal(headlines[0], override);
  assert.equal(headlines[1], second.headline);
  assert.ok(!headlines.includes(lead.headline), "the overridden headline is not shown");
  assert.equal(await teasers.first().locator(".summary").textContent(), lead.summary);
  // Every pinned item, in the order written, then the fill.
  const slugs = await teasers.evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-source"), n.getAttribute("data-slug")]));
  const pinnedSlugs = slugs.filter(([source]) => source === "pinned").map(([, slug]) => slug);
  const expected = [];
  for (const item of items) {
    expected.push((await masthead.admin("GET", `/api/v1/admin/articles/${item.article}`)).json.slug);
  }
  assert.deepEqual(pinnedSlugs, expected);
  assert.deepEqual(slugs.slice(0, expected.length).map(([source]) => source), expected.map(() => "pinned"));
  assert.ok(slugs.slice(expected.length).length > 0 && slugs.slice(expected.length).every(([source]) => source === "fill"));
  assert.deepEqual(dialogs, []);
  await page.close();
});

test("a liveblog shows its pinned entry first, then the newest, key events marked and filterable", async () => {
  const run = Date.now().toString(36);
  const blog = await publish(masthead, {
    kind: "liveblog",
    headline: `Live: storm makes landfall on the coast ${run}`,
    section: "news",
    authors: ["tomasz-wren"],
    body: [{ type: "paragraph", text: "Follow the storm as it moves inland." }],
  });
  const post = async (entry) => (await masthead.admin("POST", `/api/v1/admin/articles/${blog.json.id}/entries`, entry)).json;
  const summary = await post({ headline: "What we know", pinned: true, body: [{ type: "list", ordered: false, items: ["Winds of 150 km/h", "Two ports closed"] }] });
  const landfall = await post({ headline: "The storm makes landfall", keyEvent: true, authors: ["tomasz-wren"],
    body: [{ type: "paragraph", text: "The eye crossed the coast at <strong>dawn</strong>." }] });
  const power = await post({ body: [{ type: "paragraph", text: "Power is out in three towns." }] });
  const evacuation = await post({ headline: "Evacuation ordered inland", keyEvent: true,
    body: [{ type: "paragraph", text: "Officials ordered two valleys cleared." }] });

  const { page, dialogs } = await watchedPage();
  await page.goto(`${masthead.baseUrl}/demo/#/article/${blog.json.slug}`);
  const entries = page.locator(".liveblog .entry");
  await entries.first().waitFor();
  assert.equal(await page.locator("article.article .live-flag").textContent(), "Live");
  // Pinned first, though it is the oldest; then newest first, the pinned one not repeated.
  const ids = await entries.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-entry")));
  assert.deepEqual(ids, [summary.id, evacuation.id, power.id, landfall.id]);
  assert.equal(await entries.first().locator(".pinned-label").textContent(), "Pinned");
  assert.equal(await entries.first().locator(".entry-headline").textContent(), "What we know");
  // Key events are marked; the others are not.
  for (const [id, key] of [[evacuation.id, true], [power.id, false], [landfall.id, true], [summary.id, false]]) {
    const entry = page.locator(`.liveblog .entry[data-entry="${id}"]`);
    assert.equal(await entry.locator(".key-event-label").count(), key ? 1 : 0, id);
    assert.equal(await entry.evaluate((n) => n.classList.contains("key-event")), key, id);
  }
  assert.equal(await page.locator(`.entry[data-entry="${landfall.id}"] .entry-body p`).innerHTML(),
    "The eye crossed the coast at <strong>dawn</strong>.");
  assert.equal(await page.locator(`.entry[data-entry="${landfall.id}"] .byline`).textContent(), "By Tomasz Wren");
  await page.screenshot({ path: `${DOCS}demo-liveblog.png`, fullPage: true });

  // Key events only: the server filters; the pinned entry stays on top.
  await page.locator(".liveblog .key-events-filter").click();
  await page.locator(`.liveblog .entry[data-entry="${power.id}"]`).waitFor({ state: "detached" });
  assert.equal(await page.locator(".liveblog .key-events-filter").getAttribute("aria-pressed"), "true");
  assert.deepEqual(await entries.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-entry"))),
    [summary.id, evacuation.id, landfall.id]);
  assert.deepEqual(dialogs, []);
  await page.close();
});

test("a reader opens the front page, clicks into an article and reads it", async () => {
  const run = Date.now().toString(36);
  const author = (await masthead.admin("POST", "/api/v1/admin/authors", { name: `Rita Reader ${run}` })).json;
  const write = {
    headline: `Harbor bridge reopens after a decade of repairs ${run}`,
    summary: "Commuters lined up before dawn for the first crossing.",
    section: "politics",
    authors: ["mara-ellison", author.slug],
    tags: ["transport"],
    leadImage: { url: "https://images.example.org/bridge-lead.jpg", alt: "The reopened bridge", caption: "Opening day.", credit: "Photo: Desk", width: 1600, height: 900 },
    headlines: { seo: `Harbor bridge reopens ${run}` },
    body: [
      { type: "paragraph", text: "The bridge reopened <em>Tuesday</em> to <strong>cheers</strong>, see <a href=\"https://example.org/plan\">the plan</a>." },
      { type: "heading", text: "What changed", level: 2 },
      { type: "quote", text: "It was worth every day of the wait.", attribution: "A commuter" },
      { type: "list", ordered: false, items: ["New deck", "Wider <em>bike</em> lanes"] },
      { type: "image", url: "https://images.example.org/bridge.jpg", alt: "The bridge at dawn", caption: "The first crossing.", credit: "Photo: Desk" },
      { type: "embed", url: "https://video.example.org/watch/bridge" },
      { type: "html", html: "<table class=\"facts\"><tr><th>Length</th><td>1.2 km</td></tr></table>" },
      { type: "promo", text: "Get traffic alerts in our app.", url: "https://news.example.org/app" },
    ],
  };
  const published = await publish(masthead, write);
  // A public update after publication moves updatedAt and shows the stamp readers look for.
  const updated = (await masthead.admin("PATCH", `/api/v1/admin/articles/${published.json.id}`,
    { summary: "Commuters lined up before dawn for the first crossing in ten years.", updateNote: "Adds the first crossing's time." },
    { "If-Match": published.etag })).json;

  const { page, dialogs } = await watchedPage();
  await page.goto(`${masthead.baseUrl}/demo/`);
  await page.locator(".section[data-section=latest] .teaser").first().waitFor();
  const sections = await page.locator(".section h2").allTextContents();
  assert.deepEqual(sections.slice(0, 1), ["Latest"]);
  assert.ok(sections.includes("News"), `sections: ${sections}`);

  // Newest first: ours leads Latest, and it is listed under News (politics is a subsection).
  const lead = page.locator(".section[data-section=latest] .teaser").first();
  assert.equal(await lead.locator(".headline").textContent(), write.headline);
  assert.equal(await lead.locator("img.thumb").getAttribute("src"), write.leadImage.url);
  assert.equal(await lead.locator("img.thumb").getAttribute("alt"), write.leadImage.alt);
  assert.ok(await page.locator(".section[data-section=news] .headline", { hasText: write.headline }).count() === 1);
  await lead.locator("a.headline").click();

  const article = page.locator("article.article");
  await article.locator("h1.headline").waitFor();
  assert.equal(await article.locator("h1.headline").textContent(), write.headline);
  assert.equal(await article.locator(".kicker").textContent(), "Politics");
  assert.equal(await article.locator(".byline").textContent(), `By Mara Ellison and Rita Reader ${run}`);
  assert.equal(await article.locator(".dek").textContent(), updated.summary);
  assert.equal(await article.locator("figure.lead-image img").getAttribute("src"), write.leadImage.url);
  assert.equal(await article.locator("figure.lead-image figcaption").textContent(), "Opening day. Photo: Desk");
  // The article's JSON-LD sits in the head as a data block, with the API's own dates.
  const jsonLd = JSON.parse(await page.locator("head script#article-jsonld").textContent());
  assert.equal(await page.locator("head script#article-jsonld").getAttribute("type"), "application/ld+json");
  assert.equal(jsonLd["@type"], "NewsArticle");
  assert.equal(jsonLd.headline, write.headlines.seo);
  assert.equal(jsonLd.dateModified, updated.updatedAt);
  assert.equal(await article.locator(".stamps .updated").textContent(), `Updated at ${newsroomClock(updated.updatedAt)}`);
  assert.match(await article.locator(".stamps .updated").textContent(), /^Updated at \d{1,2}:\d{2} [ap]\.m\. E[DS]T$/);

  const body = article.locator(".body");
  assert.equal(await body.locator("p").first().innerHTML(),
    "The bridge reopened <em>Tuesday</em> to <strong>cheers</strong>, see <a href=\"https://example.org/plan\" rel=\"noopener noreferrer\">the plan</a>.");
  assert.equal(await body.locator("h2").textContent(), "What changed");
  assert.equal(await body.locator("blockquote p").textContent(), "It was worth every day of the wait.");
  assert.equal(await body.locator("blockquote footer").textContent(), "A commuter");
  assert.deepEqual(await body.locator("ul li").allTextContents(), ["New deck", "Wider bike lanes"]);
  assert.equal(await body.locator("figure img").getAttribute("alt"), "The bridge at dawn");
  assert.equal(await body.locator("figcaption").textContent(), "The first crossing. Photo: Desk");
  assert.equal(await body.locator(".embed a").getAttribute("href"), "https://video.example.org/watch/bridge");
  const frame = page.frameLocator("iframe.html-block");
  assert.equal(await frame.locator("table.facts td").textContent(), "1.2 km");
  assert.equal(await body.locator("iframe.html-block").getAttribute("sandbox"), "allow-same-origin");
  assert.match(await body.locator("aside.promo").textContent(), /^Get traffic alerts in our app\. Learn more$/);
  assert.match(await article.locator(".updates li").first().textContent(), /^Update \(.+\): Adds the first crossing's time\.$/);
  assert.match(await article.locator(".copyright .notice").textContent(), /^Copyright \d{4} .+\./);
  assert.equal(await article.locator(".copyright .notice").textContent(), published.json.copyright.notice);

  await page.screenshot({ path: `${DOCS}demo-article.png`, fullPage: true });
  assert.deepEqual(dialogs, []);
  await page.close();
});

const PAYLOADS = [
  "<script>window.top.__xss = 1; alert('script')</script>",
  "<img src=x onerror=\"window.top.__xss = 1; alert('onerror')\">",
  "<a href=\"javascript:window.top.__xss=1;alert('href')\" id=\"jslink\">click me</a>",
  "<svg onload=\"window.top.__xss = 1\"><script>window.top.__xss = 1</script></svg>",
  "<iframe src=\"javascript:window.top.__xss=1\"></iframe><iframe srcdoc=\"<script>top.__xss=1</script>\"></iframe>",
  "<details open ontoggle=\"window.top.__xss = 1\">x</details>",
  "<math><mtext><table><mglyph><style><img src=x onerror=\"window.top.__xss = 1\">",
  "<form action=\"javascript:window.top.__xss=1\"><button id=\"jsbutton\">go</button></form>",
];

async function assertNothingRan(page, dialogs) {
  // Give lazy handlers (image errors, toggles, frame loads) their chance to fire.
  await page.waitForTimeout(1500);
  for (const link of await page.locator("article a").all()) {
    const href = (await link.getAttribute("href")) ?? "";
    assert.match(href, /^(https?:|mailto:|#)/, `a link a reader could click: ${href}`);
  }
  assert.equal(await page.evaluate(() => window.__xss), undefined, "a payload ran");
  assert.deepEqual(dialogs, [], "a payload opened a dialog");
  assert.equal(await page.locator("#app script, #app [onerror], #app [onload], #app [ontoggle]").count(), 0);
}

test("stored XSS payloads, in html blocks and inline text, never run in a reader's browser", async () => {
  const run = Date.now().toString(36);
  const write = {
    headline: `XSS corpus ${run}`,
    section: "business",
    body: [
      ...PAYLOADS.map((html) => ({ type: "html", html })),
      ...PAYLOADS.map((text) => ({ type: "paragraph", text: `Inline ${text} end` })),
      { type: "heading", text: "<img src=x onerror=\"window.top.__xss = 1\">Heading", level: 3 },
      { type: "quote", text: "<a href=\"javascript:window.top.__xss=1\">quote</a>", attribution: "<script>window.top.__xss=1</script>Someone" },
      { type: "list", ordered: true, items: ["<img src=x onerror=\"window.top.__xss=1\">item"] },
      { type: "promo", text: "<svg onload=\"window.top.__xss=1\">promo</svg>" },
    ],
  };
  const published = (await publish(masthead, write)).json;
  // The server sanitized on write: nothing executable was stored.
  const stored = JSON.stringify((await (await fetch(`${masthead.baseUrl}/api/v1/articles/${published.slug}`)).json()).body);
  assert.doesNotMatch(stored, /<script|onerror=|onload=|ontoggle=|javascript:/i);

  const { page, dialogs } = await watchedPage();
  await page.goto(`${masthead.baseUrl}/demo/#/article/${published.slug}`);
  await page.locator("article h1.headline").waitFor();
  await assertNothingRan(page, dialogs);
  await page.screenshot({ path: `${DOCS}demo-xss.png`, fullPage: true });
  await page.close();
});

test("even if the store held raw payloads, the page's own allowlist and sandbox keep them inert", async () => {
  // Simulates a sanitizer gap or a tampered database: the API answer itself carries the payloads.
  const raw = {
    slug: "raw-payloads",
    headline: "<img src=x onerror=\"window.top.__xss=1\">Raw payloads",
    authors: [{ slug: "x", name: "<script>window.top.__xss=1</script>Mallory" }],
    body: [
      ...PAYLOADS.map((html) => ({ type: "html", html })),
      ...PAYLOADS.map((text) => ({ type: "paragraph", text })),
      { type: "image", url: "javascript:window.top.__xss=1", alt: "x", caption: "<img src=x onerror=\"window.top.__xss=1\">" },
      { type: "embed", url: "javascript:window.top.__xss=1" },
      { type: "promo", text: "promo", url: "javascript:window.top.__xss=1" },
    ],
    copyright: { notice: "<img src=x onerror=\"window.top.__xss=1\">", year: 2026, holder: "x" },
    publishedAt: "2026-10-16T19:02:00Z",
    updatedAt: "2026-10-16T20:49:00Z",
    updates: [],
  };
  const { page, dialogs } = await watchedPage();
  await page.route("**/api/v1/articles/raw-payloads", (route) => route.fulfill({ json: raw }));
  await page.goto(`${masthead.baseUrl}/demo/#/article/raw-payloads`);
  await page.locator("article h1.headline").waitFor();
  // Plain fields are text: the markup shows as characters, not elements.
  assert.equal(await page.locator("article h1.headline").textContent(), raw.headline);
  // The fixed instant 20:49Z is 4:49 p.m. in New York in October, whatever the browser's zone (UTC here).
  assert.equal(await page.locator(".stamps .updated").textContent(), "Updated at 4:49 p.m. EDT");
  await assertNothingRan(page, dialogs);
  // Inline text keeps only a/em/strong: the frames, images and forms never become elements.
  assert.equal(await page.locator("article .body > p img, article .body > p iframe, article .body > p form").count(), 0);
  await page.close();
});
