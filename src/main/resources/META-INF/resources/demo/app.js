var __defProp = Object.defineProperty;
var __defNormalProp = (obj, key, value) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value }) : obj[key] = value;
var __publicField = (obj, key, value) => __defNormalProp(obj, typeof key !== "symbol" ? key + "" : key, value);

// node_modules/openapi-fetch/dist/index.mjs
var PATH_PARAM_RE = /\{[^{}]+\}/g;
var supportsRequestInitExt = () => {
  return typeof process === "object" && Number.parseInt(process?.versions?.node?.substring(0, 2)) >= 18 && process.versions.undici;
};
function randomID() {
  return Math.random().toString(36).slice(2, 11);
}
function createClient(clientOptions) {
  let {
    baseUrl = "",
    Request: CustomRequest = globalThis.Request,
    fetch: baseFetch = globalThis.fetch,
    querySerializer: globalQuerySerializer,
    bodySerializer: globalBodySerializer,
    pathSerializer: globalPathSerializer,
    headers: baseHeaders,
    requestInitExt = void 0,
    ...baseOptions
  } = { ...clientOptions };
  requestInitExt = supportsRequestInitExt() ? requestInitExt : void 0;
  baseUrl = removeTrailingSlash(baseUrl);
  const globalMiddlewares = [];
  async function coreFetch(schemaPath, fetchOptions) {
    const {
      baseUrl: localBaseUrl,
      fetch = baseFetch,
      Request = CustomRequest,
      headers,
      params = {},
      parseAs = "json",
      querySerializer: requestQuerySerializer,
      bodySerializer = globalBodySerializer ?? defaultBodySerializer,
      pathSerializer: requestPathSerializer,
      body,
      middleware: requestMiddlewares = [],
      ...init
    } = fetchOptions || {};
    let finalBaseUrl = baseUrl;
    if (localBaseUrl) {
      finalBaseUrl = removeTrailingSlash(localBaseUrl) ?? baseUrl;
    }
    let querySerializer = typeof globalQuerySerializer === "function" ? globalQuerySerializer : createQuerySerializer(globalQuerySerializer);
    if (requestQuerySerializer) {
      querySerializer = typeof requestQuerySerializer === "function" ? requestQuerySerializer : createQuerySerializer({
        ...typeof globalQuerySerializer === "object" ? globalQuerySerializer : {},
        ...requestQuerySerializer
      });
    }
    const pathSerializer = requestPathSerializer || globalPathSerializer || defaultPathSerializer;
    const serializedBody = body === void 0 ? void 0 : bodySerializer(
      body,
      // Note: we declare mergeHeaders() both here and below because it’s a bit of a chicken-or-egg situation:
      // bodySerializer() needs all headers so we aren’t dropping ones set by the user, however,
      // the result of this ALSO sets the lowest-priority content-type header. So we re-merge below,
      // setting the content-type at the very beginning to be overwritten.
      // Lastly, based on the way headers work, it’s not a simple “present-or-not” check becauase null intentionally un-sets headers.
      mergeHeaders(baseHeaders, headers, params.header)
    );
    const finalHeaders = mergeHeaders(
      // with no body, we should not to set Content-Type
      serializedBody === void 0 || // if serialized body is FormData; browser will correctly set Content-Type & boundary expression
      serializedBody instanceof FormData ? {} : {
        "Content-Type": "application/json"
      },
      baseHeaders,
      headers,
      params.header
    );
    const finalMiddlewares = [...globalMiddlewares, ...requestMiddlewares];
    const requestInit = {
      redirect: "follow",
      ...baseOptions,
      ...init,
      body: serializedBody,
      headers: finalHeaders
    };
    let id;
    let options;
    let request = new Request(
      createFinalURL(schemaPath, { baseUrl: finalBaseUrl, params, querySerializer, pathSerializer }),
      requestInit
    );
    let response;
    for (const key in init) {
      if (!(key in request)) {
        request[key] = init[key];
      }
    }
    if (finalMiddlewares.length) {
      id = randomID();
      options = Object.freeze({
        baseUrl: finalBaseUrl,
        fetch,
        parseAs,
        querySerializer,
        bodySerializer,
        pathSerializer
      });
      for (const m of finalMiddlewares) {
        if (m && typeof m === "object" && typeof m.onRequest === "function") {
          const result = await m.onRequest({
            request,
            schemaPath,
            params,
            options,
            id
          });
          if (result) {
            if (result instanceof Request) {
              request = result;
            } else if (result instanceof Response) {
              response = result;
              break;
            } else {
              throw new Error("onRequest: must return new Request() or Response() when modifying the request");
            }
          }
        }
      }
    }
    if (!response) {
      try {
        response = await fetch(request, requestInitExt);
      } catch (error2) {
        let errorAfterMiddleware = error2;
        if (finalMiddlewares.length) {
          for (let i = finalMiddlewares.length - 1; i >= 0; i--) {
            const m = finalMiddlewares[i];
            if (m && typeof m === "object" && typeof m.onError === "function") {
              const result = await m.onError({
                request,
                error: errorAfterMiddleware,
                schemaPath,
                params,
                options,
                id
              });
              if (result) {
                if (result instanceof Response) {
                  errorAfterMiddleware = void 0;
                  response = result;
                  break;
                }
                if (result instanceof Error) {
                  errorAfterMiddleware = result;
                  continue;
                }
                throw new Error("onError: must return new Response() or instance of Error");
              }
            }
          }
        }
        if (errorAfterMiddleware) {
          throw errorAfterMiddleware;
        }
      }
      if (finalMiddlewares.length) {
        for (let i = finalMiddlewares.length - 1; i >= 0; i--) {
          const m = finalMiddlewares[i];
          if (m && typeof m === "object" && typeof m.onResponse === "function") {
            const result = await m.onResponse({
              request,
              response,
              schemaPath,
              params,
              options,
              id
            });
            if (result) {
              if (!(result instanceof Response)) {
                throw new Error("onResponse: must return new Response() when modifying the response");
              }
              response = result;
            }
          }
        }
      }
    }
    const contentLength = response.headers.get("Content-Length");
    if (response.status === 204 || request.method === "HEAD" || contentLength === "0" && !response.headers.get("Transfer-Encoding")?.includes("chunked")) {
      return response.ok ? { data: void 0, response } : { error: void 0, response };
    }
    if (response.ok) {
      const getResponseData = async () => {
        if (parseAs === "stream") {
          return response.body;
        }
        if (parseAs === "json" && !contentLength) {
          const raw = await response.text();
          return raw ? JSON.parse(raw) : void 0;
        }
        return await response[parseAs]();
      };
      return { data: await getResponseData(), response };
    }
    let error = await response.text();
    try {
      error = JSON.parse(error);
    } catch {
    }
    return { error, response };
  }
  return {
    request(method, url, init) {
      return coreFetch(url, { ...init, method: method.toUpperCase() });
    },
    /** Call a GET endpoint */
    GET(url, init) {
      return coreFetch(url, { ...init, method: "GET" });
    },
    /** Call a PUT endpoint */
    PUT(url, init) {
      return coreFetch(url, { ...init, method: "PUT" });
    },
    /** Call a POST endpoint */
    POST(url, init) {
      return coreFetch(url, { ...init, method: "POST" });
    },
    /** Call a DELETE endpoint */
    DELETE(url, init) {
      return coreFetch(url, { ...init, method: "DELETE" });
    },
    /** Call a OPTIONS endpoint */
    OPTIONS(url, init) {
      return coreFetch(url, { ...init, method: "OPTIONS" });
    },
    /** Call a HEAD endpoint */
    HEAD(url, init) {
      return coreFetch(url, { ...init, method: "HEAD" });
    },
    /** Call a PATCH endpoint */
    PATCH(url, init) {
      return coreFetch(url, { ...init, method: "PATCH" });
    },
    /** Call a TRACE endpoint */
    TRACE(url, init) {
      return coreFetch(url, { ...init, method: "TRACE" });
    },
    /** Register middleware */
    use(...middleware) {
      for (const m of middleware) {
        if (!m) {
          continue;
        }
        if (typeof m !== "object" || !("onRequest" in m || "onResponse" in m || "onError" in m)) {
          throw new Error("Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`");
        }
        globalMiddlewares.push(m);
      }
    },
    /** Unregister middleware */
    eject(...middleware) {
      for (const m of middleware) {
        const i = globalMiddlewares.indexOf(m);
        if (i !== -1) {
          globalMiddlewares.splice(i, 1);
        }
      }
    }
  };
}
function serializePrimitiveParam(name, value, options) {
  if (value === void 0 || value === null) {
    return "";
  }
  if (typeof value === "object") {
    throw new Error(
      "Deeply-nested arrays/objects aren’t supported. Provide your own `querySerializer()` to handle these."
    );
  }
  return `${name}=${options?.allowReserved === true ? value : encodeURIComponent(value)}`;
}
function serializeObjectParam(name, value, options) {
  if (!value || typeof value !== "object") {
    return "";
  }
  const values = [];
  const joiner = {
    simple: ",",
    label: ".",
    matrix: ";"
  }[options.style] || "&";
  if (options.style !== "deepObject" && options.explode === false) {
    for (const k in value) {
      values.push(k, options.allowReserved === true ? value[k] : encodeURIComponent(value[k]));
    }
    const final2 = values.join(",");
    switch (options.style) {
      case "form": {
        return `${name}=${final2}`;
      }
      case "label": {
        return `.${final2}`;
      }
      case "matrix": {
        return `;${name}=${final2}`;
      }
      default: {
        return final2;
      }
    }
  }
  for (const k in value) {
    const finalName = options.style === "deepObject" ? `${name}[${k}]` : k;
    values.push(serializePrimitiveParam(finalName, value[k], options));
  }
  const final = values.join(joiner);
  return options.style === "label" || options.style === "matrix" ? `${joiner}${final}` : final;
}
function serializeArrayParam(name, value, options) {
  if (!Array.isArray(value)) {
    return "";
  }
  if (options.explode === false) {
    const joiner2 = { form: ",", spaceDelimited: "%20", pipeDelimited: "|" }[options.style] || ",";
    const final = (options.allowReserved === true ? value : value.map((v) => encodeURIComponent(v))).join(joiner2);
    switch (options.style) {
      case "simple": {
        return final;
      }
      case "label": {
        return `.${final}`;
      }
      case "matrix": {
        return `;${name}=${final}`;
      }
      // case "spaceDelimited":
      // case "pipeDelimited":
      default: {
        return `${name}=${final}`;
      }
    }
  }
  const joiner = { simple: ",", label: ".", matrix: ";" }[options.style] || "&";
  const values = [];
  for (const v of value) {
    if (options.style === "simple" || options.style === "label") {
      values.push(options.allowReserved === true ? v : encodeURIComponent(v));
    } else {
      values.push(serializePrimitiveParam(name, v, options));
    }
  }
  return options.style === "label" || options.style === "matrix" ? `${joiner}${values.join(joiner)}` : values.join(joiner);
}
function createQuerySerializer(options) {
  return function querySerializer(queryParams) {
    const search = [];
    if (queryParams && typeof queryParams === "object") {
      for (const name in queryParams) {
        const value = queryParams[name];
        if (value === void 0 || value === null) {
          continue;
        }
        if (Array.isArray(value)) {
          if (value.length === 0) {
            continue;
          }
          search.push(
            serializeArrayParam(name, value, {
              style: "form",
              explode: true,
              ...options?.array,
              allowReserved: options?.allowReserved || false
            })
          );
          continue;
        }
        if (typeof value === "object") {
          search.push(
            serializeObjectParam(name, value, {
              style: "deepObject",
              explode: true,
              ...options?.object,
              allowReserved: options?.allowReserved || false
            })
          );
          continue;
        }
        search.push(serializePrimitiveParam(name, value, options));
      }
    }
    return search.join("&");
  };
}
function defaultPathSerializer(pathname, pathParams) {
  let nextURL = pathname;
  for (const match of pathname.match(PATH_PARAM_RE) ?? []) {
    let name = match.substring(1, match.length - 1);
    let explode = false;
    let style = "simple";
    if (name.endsWith("*")) {
      explode = true;
      name = name.substring(0, name.length - 1);
    }
    if (name.startsWith(".")) {
      style = "label";
      name = name.substring(1);
    } else if (name.startsWith(";")) {
      style = "matrix";
      name = name.substring(1);
    }
    if (!pathParams || pathParams[name] === void 0 || pathParams[name] === null) {
      continue;
    }
    const value = pathParams[name];
    if (Array.isArray(value)) {
      nextURL = nextURL.replace(match, serializeArrayParam(name, value, { style, explode }));
      continue;
    }
    if (typeof value === "object") {
      nextURL = nextURL.replace(match, serializeObjectParam(name, value, { style, explode }));
      continue;
    }
    if (style === "matrix") {
      nextURL = nextURL.replace(match, `;${serializePrimitiveParam(name, value)}`);
      continue;
    }
    nextURL = nextURL.replace(match, style === "label" ? `.${encodeURIComponent(value)}` : encodeURIComponent(value));
  }
  return nextURL;
}
function defaultBodySerializer(body, headers) {
  if (body instanceof FormData) {
    return body;
  }
  if (headers) {
    const contentType = headers.get instanceof Function ? headers.get("Content-Type") ?? headers.get("content-type") : headers["Content-Type"] ?? headers["content-type"];
    if (contentType === "application/x-www-form-urlencoded") {
      return new URLSearchParams(body).toString();
    }
  }
  return JSON.stringify(body);
}
function createFinalURL(pathname, options) {
  let finalURL = `${options.baseUrl}${pathname}`;
  if (options.params?.path) {
    finalURL = options.pathSerializer(finalURL, options.params.path);
  }
  let search = options.querySerializer(options.params.query ?? {});
  if (search.startsWith("?")) {
    search = search.substring(1);
  }
  if (search) {
    finalURL += `?${search}`;
  }
  return finalURL;
}
function mergeHeaders(...allHeaders) {
  const finalHeaders = new Headers();
  for (const h of allHeaders) {
    if (!h || typeof h !== "object") {
      continue;
    }
    const iterator = h instanceof Headers ? h.entries() : Object.entries(h);
    for (const [k, v] of iterator) {
      if (v === null) {
        finalHeaders.delete(k);
      } else if (Array.isArray(v)) {
        for (const v2 of v) {
          finalHeaders.append(k, v2);
        }
      } else if (v !== void 0) {
        finalHeaders.set(k, v);
      }
    }
  }
  return finalHeaders;
}
function removeTrailingSlash(url) {
  if (url.endsWith("/")) {
    return url.substring(0, url.length - 1);
  }
  return url;
}

// src/client.ts
function contentClient(baseUrl = "") {
  return createClient({ baseUrl });
}
var MastheadError = class extends Error {
  constructor(status, problem) {
    super(problem ? `${problem.title}: ${problem.detail}` : `HTTP ${status}`);
    __publicField(this, "status", status);
    __publicField(this, "problem", problem);
  }
};
async function newestArticles(api2, section, limit = 5) {
  const { data, error, response } = await api2.GET("/api/v1/articles", {
    params: { query: { section, limit } }
  });
  if (!data) throw new MastheadError(response.status, error);
  return data.data;
}
async function sections(api2) {
  const { data, error, response } = await api2.GET("/api/v1/sections");
  if (!data) throw new MastheadError(response.status, error);
  return data.data;
}
async function article(api2, slug) {
  const { data, error, response } = await api2.GET("/api/v1/articles/{slug}", {
    params: { path: { slug } }
  });
  if (response.status === 404) return void 0;
  if (!data) throw new MastheadError(response.status, error);
  return data;
}
async function articleJsonLd(api2, slug) {
  const { data, response } = await api2.GET("/api/v1/articles/{slug}/jsonld", {
    params: { path: { slug } },
    parseAs: "text"
  });
  if (!response.ok || data === void 0) return void 0;
  return data;
}
async function collection(api2, slug) {
  const { data, error, response } = await api2.GET("/api/v1/collections/{slug}", {
    params: { path: { slug } }
  });
  if (response.status === 404) return void 0;
  if (!data) throw new MastheadError(response.status, error);
  return data;
}
async function liveblogEntries(api2, slug, options = {}) {
  const { data, error, response } = await api2.GET("/api/v1/articles/{slug}/entries", {
    params: {
      path: { slug },
      query: { cursor: options.cursor, keyEvents: options.keyEvents ? true : void 0, limit: options.limit }
    }
  });
  if (!data) throw new MastheadError(response.status, error);
  return data;
}

// src/demo.ts
var NEWSROOM_TIME_ZONE = "America/New_York";
var FRONT_COLLECTION = "home";
var ENTRIES_PER_PAGE = 20;
var api = contentClient();
var root = document.getElementById("app");
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}
function safeHref(href) {
  if (!href) return void 0;
  try {
    const url = new URL(href, document.baseURI);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : void 0;
  } catch {
    return void 0;
  }
}
function appendInline(parent, markup) {
  if (!markup) return;
  const template = document.createElement("template");
  template.innerHTML = markup;
  copyAllowed(template.content, parent);
}
function copyAllowed(from, to) {
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
        const copy = href ? el("a", { href, rel: "noopener noreferrer" }) : document.createElement("span");
        copyAllowed(node, copy);
        to.append(copy);
      } else if (tag !== "script" && tag !== "style" && tag !== "template") {
        copyAllowed(node, to);
      }
    }
  }
}
function inline(tag, markup, attrs = {}) {
  const node = el(tag, attrs);
  appendInline(node, markup);
  return node;
}
function clock(iso) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: NEWSROOM_TIME_ZONE,
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short"
  }).formatToParts(new Date(iso));
  const part = (type) => parts.find((p) => p.type === type)?.value ?? "";
  const meridiem = part("dayPeriod").toUpperCase() === "AM" ? "a.m." : "p.m.";
  return `${part("hour")}:${part("minute")} ${meridiem} ${part("timeZoneName")}`;
}
function day(iso) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: NEWSROOM_TIME_ZONE,
    year: "numeric",
    month: "long",
    day: "numeric"
  }).formatToParts(new Date(iso));
  const part = (type) => parts.find((p) => p.type === type)?.value ?? "";
  const month = part("month");
  const short = {
    January: "Jan.",
    February: "Feb.",
    August: "Aug.",
    September: "Sept.",
    October: "Oct.",
    November: "Nov.",
    December: "Dec."
  };
  return `${short[month] ?? month} ${part("day")}, ${part("year")}`;
}
function byline(authors) {
  const names = authors.map((a) => a.name);
  if (names.length === 0) return "";
  if (names.length === 1) return `By ${names[0]}`;
  return `By ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
function stamps(a) {
  const line = el("p", { class: "stamps" });
  line.append(el(
    "time",
    { datetime: a.publishedAt, class: "published" },
    `Published ${day(a.publishedAt)} at ${clock(a.publishedAt)}`
  ));
  if (a.updatedAt !== void 0 && a.updatedAt !== a.publishedAt) {
    const sameDay = day(a.publishedAt) === day(a.updatedAt);
    line.append(" · ", el(
      "time",
      { datetime: a.updatedAt, class: "updated" },
      `Updated at ${clock(a.updatedAt)}${sameDay ? "" : `, ${day(a.updatedAt)}`}`
    ));
  }
  return line;
}
function leadImage(image, attrs) {
  const src = image ? safeHref(image.url) : void 0;
  if (!image || !src) return "";
  const size = {};
  if (image.width !== void 0) size.width = String(image.width);
  if (image.height !== void 0) size.height = String(image.height);
  return el("img", { ...attrs, ...size, src, alt: image.alt, loading: "lazy" });
}
function liveFlag(a) {
  return a.kind === "liveblog" && a.live ? el("span", { class: "live-flag" }, "Live") : "";
}
function articleLink(a, headline = a.headline, summary = a.summary, attrs = {}) {
  return el(
    "li",
    { class: "teaser", ...attrs },
    leadImage(a.leadImage, { class: "thumb" }),
    liveFlag(a),
    el("a", { href: `#/article/${encodeURIComponent(a.slug)}`, class: "headline" }, headline),
    summary ? el("p", { class: "summary" }, summary) : "",
    el("p", { class: "byline" }, byline(a.authors))
  );
}
function collectionView(c) {
  return el(
    "section",
    { class: "collection", "data-collection": c.slug },
    el("h2", {}, c.name),
    el("ul", {}, ...c.items.map((item) => articleLink(item.article, item.headline, item.summary, { "data-source": item.source, "data-slug": item.article.slug })))
  );
}
function renderBlock(block) {
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
function sandboxed(html) {
  const frame = el("iframe", {
    class: "html-block",
    sandbox: "allow-same-origin",
    referrerpolicy: "no-referrer",
    title: "Custom content"
  });
  frame.srcdoc = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src 'none'"><style>body{margin:0;font:16px/1.5 Georgia,serif}</style>${html}`;
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
    collection(api, FRONT_COLLECTION),
    newestArticles(api, void 0, 5),
    sections(api)
  ]);
  const page = el(
    "div",
    { class: "front" },
    curated && curated.items.length ? collectionView(curated) : "",
    el(
      "section",
      { class: "section", "data-section": "latest" },
      el("h2", {}, "Latest"),
      el("ul", {}, ...all.map((a) => articleLink(a)))
    )
  );
  const tops = tree.filter((s) => !s.parent);
  const lists = await Promise.all(tops.map((s) => newestArticles(api, s.slug, 5)));
  tops.forEach((s, i) => {
    const items = lists[i] ?? [];
    if (items.length === 0) return;
    page.append(el(
      "section",
      { class: "section", "data-section": s.slug },
      el("h2", {}, s.name),
      el("ul", {}, ...items.map((a) => articleLink(a)))
    ));
  });
  root.replaceChildren(page);
}
async function articleView(slug) {
  root.replaceChildren(el("p", { class: "loading" }, "Loading…"));
  const [a, jsonLd] = await Promise.all([article(api, slug), articleJsonLd(api, slug)]);
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
    const caption = [a.leadImage.caption, a.leadImage.credit].filter((t) => t !== void 0).join(" ");
    if (caption) figure.append(el("figcaption", {}, caption));
    view.append(figure);
  }
  view.append(el("p", { class: "byline" }, byline(a.authors)), stamps(a));
  view.append(el("div", { class: "body" }, ...a.body.map(renderBlock)));
  if (a.kind === "liveblog") view.append(await liveblog(a));
  if (a.updates.length) {
    view.append(el(
      "section",
      { class: "updates" },
      el("h2", {}, "Updates"),
      el("ul", {}, ...a.updates.map((u) => el(
        "li",
        {},
        el("strong", {}, u.kind === "correction" ? "Correction" : "Update"),
        ` (${day(u.at)}, ${clock(u.at)}): `,
        u.note
      )))
    ));
  }
  view.append(el(
    "footer",
    { class: "copyright" },
    el("p", { class: "notice" }, a.copyright.notice),
    a.copyright.usageTerms ? el("p", { class: "terms" }, a.copyright.usageTerms) : ""
  ));
  root.replaceChildren(el("p", {}, el("a", { href: "#/" }, "← Front page")), view);
}
function entryView(e, attrs = {}) {
  const classes = ["entry", e.keyEvent ? "key-event" : "", e.pinned ? "pinned" : ""].filter(Boolean).join(" ");
  const head = el(
    "p",
    { class: "entry-stamp" },
    el("time", { datetime: e.publishedAt }, clock(e.publishedAt))
  );
  if (e.pinned) head.append(" ", el("span", { class: "pinned-label" }, "Pinned"));
  if (e.keyEvent) head.append(" ", el("span", { class: "key-event-label" }, "Key event"));
  const view = el("article", { class: classes, "data-entry": e.id, ...attrs }, head);
  if (e.headline !== null) view.append(el("h3", { class: "entry-headline" }, e.headline));
  view.append(el("div", { class: "entry-body" }, ...e.body.map(renderBlock)));
  if (e.authors.length) view.append(el("p", { class: "byline" }, byline(e.authors)));
  return view;
}
async function liveblog(a) {
  const section = el("section", { class: "liveblog", "data-live": String(a.live) });
  const pinnedSlot = el("div", { class: "pinned-slot" });
  const list = el("div", { class: "entries" });
  const more = el("button", { type: "button", class: "more", hidden: "" }, "More entries");
  const filter = el("button", { type: "button", class: "key-events-filter", "aria-pressed": "false" }, "Key events only");
  let keyEvents = false;
  let cursor = null;
  async function load(reset) {
    const page = await liveblogEntries(api, a.slug, {
      keyEvents,
      limit: ENTRIES_PER_PAGE,
      cursor: reset || cursor === null ? void 0 : cursor
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
    pinnedSlot,
    list,
    more
  );
  await load(true);
  return section;
}
function structuredData(jsonLd) {
  document.getElementById("article-jsonld")?.remove();
  if (jsonLd === void 0) return;
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
      structuredData(void 0);
      await front();
    }
  } catch (e) {
    root.replaceChildren(el("p", { class: "error" }, `Could not load: ${e.message}`));
  }
  window.scrollTo(0, 0);
}
window.addEventListener("hashchange", route);
void route();
export {
  clock,
  day,
  renderBlock,
  safeHref
};
