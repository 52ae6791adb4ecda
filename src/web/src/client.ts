// The typed Masthead client: openapi-fetch over the types openapi-typescript generates from the
// committed openapi.yaml (npm run gen), so a field renamed in the spec fails `tsc` here and in
// every caller, not in a reader's browser.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "../generated/masthead";

export type Schemas = components["schemas"];
export type Article = Schemas["Article"];
export type ArticleSummary = Schemas["ArticleSummary"];
export type Section = Schemas["Section"];
export type Block = Schemas["Block"];
export type Problem = Schemas["Problem"];
export type Collection = Schemas["Collection"];
export type CollectionEntry = Schemas["CollectionEntry"];
export type LiveblogEntry = Schemas["LiveblogEntry"];
export type LiveblogEntryPage = Schemas["LiveblogEntryPage"];
export type Masthead = Client<paths>;

/** The public Content API: no credentials. An empty baseUrl means "the Masthead serving this page". */
export function contentClient(baseUrl = ""): Masthead {
  return createClient<paths>({ baseUrl });
}

/** The Admin API with a bearer token; never ship a token to readers' browsers. */
export function adminClient(baseUrl: string, token: string): Masthead {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
}

/** Thrown for any problem+json answer, with the server's own explanation. */
export class MastheadError extends Error {
  constructor(readonly status: number, readonly problem?: Problem) {
    super(problem ? `${problem.title}: ${problem.detail}` : `HTTP ${status}`);
  }
}

/** The newest published articles, optionally in one section (with its subsections). */
export async function newestArticles(api: Masthead, section?: string, limit = 5): Promise<ArticleSummary[]> {
  const { data, error, response } = await api.GET("/api/v1/articles", {
    params: { query: { section, limit } },
  });
  if (!data) throw new MastheadError(response.status, error as Problem | undefined);
  return data.data;
}

export async function sections(api: Masthead): Promise<Section[]> {
  const { data, error, response } = await api.GET("/api/v1/sections");
  if (!data) throw new MastheadError(response.status, error as Problem | undefined);
  return data.data;
}

/** One published article by slug; undefined when there is none (404). Old slugs redirect (301). */
export async function article(api: Masthead, slug: string): Promise<Article | undefined> {
  const { data, error, response } = await api.GET("/api/v1/articles/{slug}", {
    params: { path: { slug } },
  });
  if (response.status === 404) return undefined;
  if (!data) throw new MastheadError(response.status, error as Problem | undefined);
  return data;
}

/**
 * An article's schema.org JSON-LD, as the text to put in a `<script type="application/ld+json">`;
 * undefined when the article is not public.
 */
export async function articleJsonLd(api: Masthead, slug: string): Promise<string | undefined> {
  const { data, response } = await api.GET("/api/v1/articles/{slug}/jsonld", {
    params: { path: { slug } },
    parseAs: "text",
  });
  if (!response.ok || data === undefined) return undefined;
  return data;
}

/**
 * A public collection (a front) by slug: pinned items first, overrides applied, then the fill;
 * undefined when there is none (404).
 */
export async function collection(api: Masthead, slug: string): Promise<Collection | undefined> {
  const { data, error, response } = await api.GET("/api/v1/collections/{slug}", {
    params: { path: { slug } },
  });
  if (response.status === 404) return undefined;
  if (!data) throw new MastheadError(response.status, error as Problem | undefined);
  return data;
}

/**
 * One page of a public liveblog's entries, newest first, with its pinned entry in `meta.pinned`;
 * `cursor` is the previous page's `meta.nextCursor`, `keyEvents` keeps only key events.
 */
export async function liveblogEntries(
  api: Masthead,
  slug: string,
  options: { cursor?: string; keyEvents?: boolean; limit?: number } = {},
): Promise<LiveblogEntryPage> {
  const { data, error, response } = await api.GET("/api/v1/articles/{slug}/entries", {
    params: {
      path: { slug },
      query: { cursor: options.cursor, keyEvents: options.keyEvents ? true : undefined, limit: options.limit },
    },
  });
  if (!data) throw new MastheadError(response.status, error as Problem | undefined);
  return data;
}
