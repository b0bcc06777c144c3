// The search page of one edition: reads ?q=&outlet=&tag= from its URL, turns the
// query into the edition's script with the table the build wrote beside this
// page (script-map.json), and asks the edition's Pagefind index (all its shards). Everything it
// loads lives on this site: no request goes to another host.
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const outletSelect = document.getElementById("search-outlet");
const tagSelect = document.getElementById("search-tag");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const PAGE = 20;

function say(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

// Longest match first over the phrase table, then character by character: the
// same walk as digest.search.convert_query, which the tests check against OpenCC.
export function convertQuery(text, table) {
  const chars = Array.from(text);
  let out = "";
  for (let i = 0; i < chars.length;) {
    let matched = false;
    for (let n = Math.min(table.n, chars.length - i); n >= 2; n--) {
      const piece = chars.slice(i, i + n).join("");
      if (Object.prototype.hasOwnProperty.call(table.p, piece)) {
        out += table.p[piece];
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out += Object.prototype.hasOwnProperty.call(table.c, chars[i]) ? table.c[chars[i]] : chars[i];
      i += 1;
    }
  }
  return out;
}

// Pagefind 1.5 cuts Chinese into words with its own dictionary when it indexes,
// but with the browser's Intl.Segmenter when it reads a query: a word the index
// keeps whole (软银) comes out of the query in pieces (软|银) and matches nothing.
// While this page searches, word segmentation of Han text uses the index's own
// words (longest match first, then single characters); any other text is left
// to the browser.
function useIndexWords(words) {
  const Native = Intl.Segmenter;
  let longest = 1;
  for (const word of words) longest = Math.max(longest, word.length);
  const known = new Set(words);
  const han = /(\p{Script=Han}+)/u;
  class IndexSegmenter extends Native {
    segment(text) {
      if (this.resolvedOptions().granularity !== "word") return super.segment(text);
      const out = [];
      for (const piece of String(text).split(han)) {
        if (!piece) continue;
        if (!han.test(piece)) {
          for (const part of super.segment(piece)) out.push(part);
          continue;
        }
        const chars = Array.from(piece);
        for (let i = 0; i < chars.length;) {
          let n = Math.min(longest, chars.length - i);
          while (n > 1 && !known.has(chars.slice(i, i + n).join(""))) n--;
          out.push({ segment: chars.slice(i, i + n).join(""), isWordLike: true });
          i += n;
        }
      }
      return out;
    }
  }
  Intl.Segmenter = IndexSegmenter;
}

// The index comes in shards (digest/search.py, index_site), each a whole
// Pagefind bundle, loaded here as a module of its own. Pagefind leaves out a
// query word that its index does not hold at all while it holds the others, so
// a shard lacking a word that another shard holds would answer with pages that
// one index of the whole site would not give: a shard answers only when it
// holds every query word that some shard holds. The answers are then ranked
// together by score, as Pagefind's own mergeIndex does.
async function openShards(index, names, options) {
  const shards = await Promise.all(names.map((name) => import(new URL(`${name}pagefind.js`, index).href)));
  await Promise.all(shards.map((shard) => shard.options(options)));
  return shards;
}

function mergeCounts(answers) {
  const merged = {};
  for (const answer of answers) {
    for (const [name, values] of Object.entries(answer)) {
      const counts = (merged[name] ||= {});
      for (const [value, count] of Object.entries(values)) counts[value] = (counts[value] || 0) + count;
    }
  }
  return merged;
}

function queryWords(query) {
  const segmenter = new Intl.Segmenter(document.documentElement.lang, { granularity: "word" });
  const words = Array.from(segmenter.segment(query)).filter((part) => part.isWordLike);
  return [...new Set(words.map((part) => part.segment.toLocaleLowerCase()))];
}

async function searchShards(shards, query, filters) {
  const answers = await Promise.all(shards.map((shard) => shard.search(query, { filters })));
  const words = query === null ? [] : queryWords(query);
  let answering = shards.map(() => true);
  if (words.length > 1) {
    const held = await Promise.all(shards.map((shard) => Promise.all(words.map(async (word) => (await shard.search(word)).results.length > 0))));
    const anywhere = words.map((_, i) => held.some((has) => has[i]));
    answering = held.map((has) => has.every((found, i) => found || !anywhere[i]));
  }
  return answers.filter((_, i) => answering[i]).flatMap((answer) => answer.results).sort((a, b) => b.score - a.score);
}

// Pagefind excerpts are text with <mark> around hits; copy only text and <mark>
// into the page, never markup from the index.
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const out = document.createDocumentFragment();
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

function fillSelect(select, counts, chosen) {
  const names = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = `${name} (${counts[name]})`;
    option.selected = name === chosen;
    select.append(option);
  }
  if (chosen && !names.includes(chosen)) {
    const option = document.createElement("option");
    option.value = chosen;
    option.textContent = chosen;
    option.selected = true;
    select.append(option);
  }
}

function resultItem(data) {
  const li = document.createElement("li");
  const article = document.createElement("article");
  const h2 = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  h2.append(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  const outlet = (data.filters.outlet || [])[0];
  const date = (data.meta.date || "").slice(0, 10);
  meta.textContent = [outlet, date].filter(Boolean).join(" · ");
  const summary = document.createElement("p");
  summary.className = "summary";
  summary.append(excerptNodes(data.excerpt || ""));
  article.append(h2, meta, summary);
  li.append(article);
  return li;
}

async function main() {
  const params = new URLSearchParams(location.search);
  const raw = (params.get("q") || "").trim();
  const chosen = { outlet: params.get("outlet") || "", tag: params.get("tag") || "" };
  input.value = raw;
  // The other edition's search page gets the same query.
  for (const link of document.querySelectorAll("a.switch")) {
    if (location.search) link.search = location.search;
  }
  let shards;
  let table;
  let words;
  try {
    const index = new URL(form.dataset.index, location.href);
    let names;
    [names, table, words] = await Promise.all([
      fetch(new URL("shards.json", index)).then((response) => response.json()),
      fetch(form.dataset.map).then((response) => response.json()),
      fetch(form.dataset.words).then((response) => response.json()),
    ]);
    useIndexWords(words);
    // noWorker: the query is cut into words on this page, where useIndexWords applies.
    shards = await openShards(index, names, { baseUrl: form.dataset.base, noWorker: true });
  } catch (error) {
    status.textContent = form.dataset.tUnavailable;
    throw error;
  }
  const filterCounts = mergeCounts(await Promise.all(shards.map((shard) => shard.filters())));
  fillSelect(outletSelect, filterCounts.outlet || {}, chosen.outlet);
  fillSelect(tagSelect, filterCounts.tag || {}, chosen.tag);
  for (const select of [outletSelect, tagSelect]) select.addEventListener("change", () => form.requestSubmit());

  const filters = {};
  if (chosen.outlet) filters.outlet = chosen.outlet;
  if (chosen.tag) filters.tag = chosen.tag;
  if (!raw && !Object.keys(filters).length) return;
  const query = raw ? convertQuery(raw, table) : null;
  status.textContent = form.dataset.tLoading;
  const results = await searchShards(shards, query, filters);
  let shown = 0;
  async function showMore() {
    const batch = await Promise.all(results.slice(shown, shown + PAGE).map((result) => result.data()));
    for (const data of batch) list.append(resultItem(data));
    shown += batch.length;
    more.hidden = shown >= results.length;
  }
  more.addEventListener("click", showMore);
  await showMore();
  const lines = [results.length ? say(form.dataset.tResults, { n: results.length }) : form.dataset.tNone];
  if (query && query !== raw) lines.push(say(form.dataset.tConverted, { q: query }));
  status.textContent = lines.join(" ");
  document.body.dataset.searchDone = String(results.length);
}

main();
