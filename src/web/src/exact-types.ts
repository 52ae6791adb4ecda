// Compile-time checks that the generated types are exact: `tsc` (npm run typecheck, npm run build)
// fails if the spec ever again marks a property optional that every answer carries, or drops the
// `null` of one that may be null. The spec's `required` and nullability come from the Java records
// (ExactTypes, the OpenAPI filter), so this file checks that rule end to end.
import type { Article, ArticleSummary, Schemas } from "./client";

/** true when K may be left out of T. */
type IsOptional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type ExactTypeChecks = [
  // Always present, never null: a frontend reads them without a check.
  Expect<Equal<IsOptional<Article, "headline">, false>>,
  Expect<Equal<Article["headline"], string>>,
  Expect<Equal<Article["slug"], string>>,
  Expect<Equal<IsOptional<Article, "body">, false>>,
  Expect<Equal<IsOptional<Article, "authors">, false>>,
  Expect<Equal<IsOptional<Article, "copyright">, false>>,
  Expect<Equal<IsOptional<ArticleSummary, "headline">, false>>,
  Expect<Equal<ArticleSummary["headline"], string>>,
  Expect<Equal<IsOptional<Schemas["AuthorRef"], "name">, false>>,
  Expect<Equal<IsOptional<Schemas["Section"], "name">, false>>,
  // Always present, possibly null: the type says so.
  Expect<Equal<IsOptional<Article, "summary">, false>>,
  Expect<Equal<Article["summary"], string | null>>,
  Expect<Equal<Article["leadImage"], Schemas["LeadImage"] | null>>,
  Expect<Equal<ArticleSummary["leadImage"], Schemas["LeadImage"] | null>>,
  Expect<Equal<Article["headlines"], Schemas["Headlines"] | null>>,
  Expect<Equal<Schemas["PageMeta"]["nextCursor"], string | null>>,
  // Fronts and liveblogs: what the demo reads without checks, and what it must check.
  Expect<Equal<Schemas["CollectionEntry"]["headline"], string>>,
  Expect<Equal<Schemas["CollectionEntry"]["summary"], string | null>>,
  Expect<Equal<IsOptional<Schemas["CollectionEntry"], "article">, false>>,
  Expect<Equal<Schemas["LiveblogEntry"]["keyEvent"], boolean>>,
  Expect<Equal<Schemas["LiveblogEntry"]["pinned"], boolean>>,
  Expect<Equal<Schemas["LiveblogEntry"]["headline"], string | null>>,
  Expect<Equal<Schemas["LiveblogEntryPageMeta"]["pinned"], Schemas["LiveblogEntry"] | null>>,
  Expect<Equal<Schemas["LiveblogEntryPageMeta"]["nextCursor"], string | null>>,
  // Present only on some answers: optional, never null.
  Expect<Equal<IsOptional<ArticleSummary, "snippet">, true>>,
  Expect<Equal<IsOptional<Schemas["LeadImage"], "caption">, true>>,
];
