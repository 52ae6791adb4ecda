// The /demo/ reference frontend: what a newsroom's own site does with the Content API. Two views,
// chosen by the URL hash: the front (the editors' `home` collection, then the newest articles per
// section) and one article (a liveblog also shows its entries, pinned entry first).
//
// Safety: every plain field is set with textContent. Inline text (paragraphs, headings, quotes,
// list items, captions, promos) may carry <a href>, <em>, <strong>; the server sanitized it on
// write, and we still rebuild it here from an allowlist (appendInline) so a sanitizer gap or a
// compromised store cannot run script in readers' browsers. An html block is custom markup we
// cannot rebuild without breaking it, so it goes into a sandboxed iframe without allow-scripts:
// even markup the server let through by mistake cannot run there (the price: embedded players
// inside an html block do not play here; use an embed block for those).
import {
  article as fetchArticle,
  articleJsonLd,
  collection as fetchCollection,
  contentClient,
  liveblogEntries,
  newestArticles,
  sections as fetchSections,
  type Article,
  type ArticleSummary,
  type Block,
  type Collection,
  type LiveblogEntry,
  type Schemas,
} from "./client";

const NEWSROOM_TIME_ZONE = "America/New_York";
/** The collection the front page leads with; the demo content has one, a site may have none. */
const FRONT_COLLECTION = "home";
const ENTRIES_PER_PAGE = 20;
const api = contentClient();
const root = document.getElementById("app") as HTMLElement;

type Attrs = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** Only http(s) and mailto links survive; anything else (javascript:, data:) becomes plain text. */
export function safeHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, document.baseURI);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Appends inline markup rebuilt from the contract's allowlist: a[href], em, strong, and text. */
function appendInline(parent: HTMLElement, markup: string | undefined) {
  if (!markup) return;
  // A <template> parses without running anything or loading images.
  const template = document.createElement("template");
  template.innerHTML = markup;
  copyAllowed(template.content, parent);
}

function copyAllowed(from: Node, to: HTMLElement) {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(node.textContent ?? "");
    } else if (node instanceof Element) {
      const tag = node.tagName.toLowerCase();
      if (tag === "em" || tag === "strong") {
        const copy = document.createElement(tag);
        copyAllowed(node, copy);
        to.append(copy);
      } else if (tag === "a") {
        const href = safeHref(node.getAttribute("href"));
        const copy: HTMLElement = href ? el("a", { href, rel: "noopener noreferrer" }) : document.createElement("span");
        copyAllowed(node, copy);
        to.append(copy);
      } else if (tag !== "script" && tag !== "style" && tag !== "template") {
        // Unknown elements lose their tag but keep their words.
        copyAllowed(node, to);
      }
    }
  }
}

function inline<K extends keyof HTMLElementTagNameMap>(tag: K, markup: string | undefined, attrs: Attrs = {}) {
  const node = el(tag, attrs);
  appendInline(node, markup);
  return node;
}

/** "4:49 p.m. EDT" in the newsroom's time zone, the way the copy desk writes it. */
export function clock(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: NEWSROOM_TIME_ZONE,
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const meridiem = part("dayPeriod").toUpperCase() === "AM" ? "a.m." : "p.m.";
  return `${part("hour")}:${part("minute")} ${meridiem} ${part("timeZoneName")}`;
}

/** "Oct. 16, 2026" (AP style abbreviates long month names, never March to July). */
export function day(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: NEWSROOM_TIME_ZONE,
    year: "numeric",
    month: "long",
    day: "numeric",
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const month = part("month");
  const short: Record<string, string> = {
    January: "Jan.", February: "Feb.", August: "Aug.", September: "Sept.",
    October: "Oct.", November: "Nov.", December: "Dec.",
  };
  return `${short[month] ?? month} ${part("day")}, ${part("year")}`;
}

function byline(authors: Schemas["AuthorRef"][]): string {
  const names = authors.map((a) => a.name);
  if (names.length === 0) return "";
  if (names.length === 1) return `By ${names[0]}`;
  return `By ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function stamps(a: ArticleSummary | Article): HTMLElement {
  const line = el("p", { class: "stamps" });
  line.append(el("time", { datetime: a.publishedAt, class: "published" },
    `Published ${day(a.publishedAt)} at ${clock(a.publishedAt)}`));
  // Articles imported from elsewhere may have no update stamp: the type says so.
  if (a.updatedAt !== undefined && a.updatedAt !== a.publishedAt) {
    const sameDay = day(a.publishedAt) === day(a.updatedAt);
    line.append(" · ", el("time", { datetime: a.updatedAt, class: "updated" },
      `Updated at ${clock(a.updatedAt)}${sameDay ? "" : `, ${day(a.updatedAt)}`}`));
  }
  return line;
}

/** The lead image, if it has an http(s) URL; null otherwise. */
function leadImage(image: Schemas["LeadImage"] | null, attrs: Attrs): HTMLElement | "" {
  const src = image ? safeHref(image.url) : undefined;
  if (!image || !src) return "";
  const size: Attrs = {};
  if (image.width !== undefined) size.width = String(image.width);
  if (image.height !== undefined) size.height = String(image.height);
  return el("img", { ...attrs, ...size, src, alt: image.alt, loading: "lazy" });
}

/** A "Live" flag for a liveblog still taking entries. */
function liveFlag(a: ArticleSummary | Article): HTMLElement | "" {
  return a.kind === "liveblog" && a.live ? el("span", { class: "live-flag" }, "Live") : "";
}

/** A teaser; a front passes its own headline and summary (the collection's overrides, if any). */
function articleLink(a: ArticleSummary, headline: string = a.headline, summary: string | null = a.summary,
  attrs: Attrs = {}): HTMLElement {
  return el("li", { class: "teaser", ...attrs },
    leadImage(a.leadImage, { class: "thumb" }),
    liveFlag(a),
    el("a", { href: `#/article/${encodeURIComponent(a.slug)}`, class: "headline" }, headline),
    summary ? el("p", { class: "summary" }, summary) : "",
    el("p", { class: "byline" }, byline(a.authors)));
}

/** The editors' front, in their order: the server put pinned items first and applied overrides. */
function collectionView(c: Collection): HTMLElement {
  return el("section", { class: "collection", "data-collection": c.slug },
    el("h2", {}, c.name),
    el("ul", {}, ...c.items.map((item) =>
      articleLink(item.article, item.headline, item.summary, { "data-source": item.source, "data-slug": item.article.slug }))));
}

export function renderBlock(block: Block): HTMLElement {
  switch (block.type) {
    case "paragraph":
      return inline("p", block.text);
    case "heading": {
      const level = Math.min(4, Math.max(2, block.level ?? 2));
      return inline(level === 2 ? "h2" : level === 3 ? "h3" : "h4", block.text);
    }
    case "quote": {
      const quote = el("blockquote", {}, inline("p", block.text));
      if (block.attribution) quote.append(inline("footer", block.attribution));
      return quote;
    }
    case "list":
      return el(block.ordered ? "ol" : "ul", {}, ...(block.items ?? []).map((item) => inline("li", item)));
    case "image": {
      const src = safeHref(block.url);
      const figure = el("figure", { class: "image" });
      if (src) figure.append(el("img", { src, alt: block.alt ?? "", loading: "lazy" }));
      const caption = el("figcaption", {});
      appendInline(caption, block.caption);
      if (block.credit) caption.append(" ", el("span", { class: "credit" }, block.credit));
      if (caption.childNodes.length) figure.append(caption);
      return figure;
    }
    case "embed": {
      // Rendered as a link: a reference site should not run third-party players by default.
      const href = safeHref(block.url);
      return el("p", { class: "embed" }, href ? el("a", { href, rel: "noopener noreferrer" }, `Embedded media: ${href}`) : "");
    }
    case "html":
      return sandboxed(block.html ?? "");
    case "promo": {
      const promo = inline("aside", block.text, { class: "promo" });
      const href = safeHref(block.url);
      if (href) promo.append(" ", el("a", { href, rel: "noopener noreferrer" }, "Learn more"));
      return promo;
    }
  }
}

function sandboxed(html: string): HTMLElement {
  // No allow-scripts: nothing inside runs. allow-same-origin only lets this page size the frame to
  // its content; without scripts the frame cannot use that origin for anything.
  const frame = el("iframe", {
    class: "html-block",
    sandbox: "allow-same-origin",
    referrerpolicy: "no-referrer",
    title: "Custom content",
  });
  frame.srcdoc = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src 'none'">`
    + `<style>body{margin:0;font:16px/1.5 Georgia,serif}</style>${html}`;
  frame.addEventListener("load", () => {
    const body = frame.contentDocument?.body;
    if (body) frame.style.height = `${body.scrollHeight + 8}px`;
  });
  return frame;
}

async function front() {
  document.title = "Masthead demo";
  root.replaceChildren(el("p", { class: "loading" }, "Loading…"));
  const [curated, all, tree] = await Promise.all([
    fetchCollection(api, FRONT_COLLECTION), newestArticles(api, undefined, 5), fetchSections(api)]);
  const page = el("div", { class: "front" },
    curated && curated.items.length ? collectionView(curated) : "",
    el("section", { class: "section", "data-section": "latest" },
      el("h2", {}, "Latest"), el("ul", {}, ...all.map((a) => articleLink(a)))));
  // Top-level sections only: their lists include their subsections' articles.
  const tops = tree.filter((s) => !s.parent);
  const lists = await Promise.all(tops.map((s) => newestArticles(api, s.slug, 5)));
  tops.forEach((s, i) => {
    const items = lists[i] ?? [];
    if (items.length === 0) return;
    page.append(el("section", { class: "section", "data-section": s.slug },
      el("h2", {}, s.name), el("ul", {}, ...items.map((a) => articleLink(a)))));
  });
  root.replaceChildren(page);
}

async function articleView(slug: string) {
  root.replaceChildren(el("p", { class: "loading" }, "Loading…"));
  const [a, jsonLd] = await Promise.all([fetchArticle(api, slug), articleJsonLd(api, slug)]);
  structuredData(jsonLd);
  if (!a) {
    document.title = "Not found · Masthead demo";
    root.replaceChildren(el("p", { class: "not-found" }, "No such article."), el("a", { href: "#/" }, "Front page"));
    return;
  }
  document.title = `${a.headlines?.social ?? a.headline} · Masthead demo`;
  const view = el("article", { class: "article" });
  if (a.section) view.append(el("p", { class: "kicker" }, a.section.name));
  view.append(liveFlag(a), el("h1", { class: "headline" }, a.headline));
  if (a.summary) view.append(el("p", { class: "dek" }, a.summary));
  if (a.leadImage) {
    const figure = el("figure", { class: "lead-image" }, leadImage(a.leadImage, {}));
    const caption = [a.leadImage.caption, a.leadImage.credit].filter((t) => t !== undefined).join(" ");
    if (caption) figure.append(el("figcaption", {}, caption));
    view.append(figure);
  }
  view.append(el("p", { class: "byline" }, byline(a.authors)), stamps(a));
  view.append(el("div", { class: "body" }, ...a.body.map(renderBlock)));
  if (a.kind === "liveblog") view.append(await liveblog(a));
  if (a.updates.length) {
    view.append(el("section", { class: "updates" }, el("h2", {}, "Updates"),
      el("ul", {}, ...a.updates.map((u) => el("li", {},
        el("strong", {}, u.kind === "correction" ? "Correction" : "Update"),
        ` (${day(u.at)}, ${clock(u.at)}): `, u.note)))));
  }
  view.append(el("footer", { class: "copyright" },
    el("p", { class: "notice" }, a.copyright.notice),
    a.copyright.usageTerms ? el("p", { class: "terms" }, a.copyright.usageTerms) : ""));
  root.replaceChildren(el("p", {}, el("a", { href: "#/" }, "← Front page")), view);
}

function entryView(e: LiveblogEntry, attrs: Attrs = {}): HTMLElement {
  const classes = ["entry", e.keyEvent ? "key-event" : "", e.pinned ? "pinned" : ""].filter(Boolean).join(" ");
  const head = el("p", { class: "entry-stamp" },
    el("time", { datetime: e.publishedAt }, clock(e.publishedAt)));
  if (e.pinned) head.append(" ", el("span", { class: "pinned-label" }, "Pinned"));
  if (e.keyEvent) head.append(" ", el("span", { class: "key-event-label" }, "Key event"));
  const view = el("article", { class: classes, "data-entry": e.id, ...attrs }, head);
  if (e.headline !== null) view.append(el("h3", { class: "entry-headline" }, e.headline));
  view.append(el("div", { class: "entry-body" }, ...e.body.map(renderBlock)));
  if (e.authors.length) view.append(el("p", { class: "byline" }, byline(e.authors)));
  return view;
}

/**
 * A liveblog's entries: the pinned one on top (meta.pinned, on every page and whatever the filter),
 * then newest first, without repeating the pinned one; "Key events only" asks the server to
 * filter, and "More entries" follows the page's cursor.
 */
async function liveblog(a: Article): Promise<HTMLElement> {
  const section = el("section", { class: "liveblog", "data-live": String(a.live) });
  const pinnedSlot = el("div", { class: "pinned-slot" });
  const list = el("div", { class: "entries" });
  const more = el("button", { type: "button", class: "more", hidden: "" }, "More entries");
  const filter = el("button", { type: "button", class: "key-events-filter", "aria-pressed": "false" }, "Key events only");
  let keyEvents = false;
  let cursor: string | null = null;

  async function load(reset: boolean) {
    const page = await liveblogEntries(api, a.slug, {
      keyEvents, limit: ENTRIES_PER_PAGE, cursor: reset || cursor === null ? undefined : cursor,
    });
    const pinned = page.meta.pinned;
    if (reset) {
      pinnedSlot.replaceChildren(pinned ? entryView(pinned) : "");
      list.replaceChildren();
    }
    list.append(...page.data.filter((e) => e.id !== pinned?.id).map((e) => entryView(e)));
    if (reset && list.childElementCount === 0 && !pinned) {
      list.append(el("p", { class: "no-entries" }, keyEvents ? "No key events yet." : "No entries yet."));
    }
    cursor = page.meta.nextCursor;
    more.hidden = cursor === null;
  }

  filter.addEventListener("click", () => {
    keyEvents = !keyEvents;
    filter.setAttribute("aria-pressed", String(keyEvents));
    void load(true);
  });
  more.addEventListener("click", () => void load(false));
  section.append(
    el("h2", {}, a.live ? "Latest updates" : "Updates (this live coverage has ended)"),
    el("p", { class: "liveblog-controls" }, filter),
    pinnedSlot, list, more);
  await load(true);
  return section;
}

/**
 * The article's schema.org JSON-LD in the page's head, for search engines. A data block, never
 * run (and set as text, never parsed as HTML), so the page's script-src 'self' is untouched.
 */
function structuredData(jsonLd: string | undefined) {
  document.getElementById("article-jsonld")?.remove();
  if (jsonLd === undefined) return;
  const script = document.createElement("script");
  script.type = "application/ld+json";
  script.id = "article-jsonld";
  script.textContent = jsonLd;
  document.head.append(script);
}

async function route() {
  const match = /^#\/article\/(.+)$/.exec(location.hash);
  try {
    if (match?.[1]) await articleView(decodeURIComponent(match[1]));
    else {
      structuredData(undefined);
      await front();
    }
  } catch (e) {
    root.replaceChildren(el("p", { class: "error" }, `Could not load: ${(e as Error).message}`));
  }
  window.scrollTo(0, 0);
}

window.addEventListener("hashchange", route);
void route();
