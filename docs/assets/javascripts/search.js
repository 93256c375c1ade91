/* The edition's search, in the theme's header search box.
 *
 * Two engines give the same kind of answer: Pagefind on the online site
 * (its files in pagefind/, loaded on first use), and an in-page index in the
 * offline copy read from disk (search/offline-index.js), where a browser does
 * not load Pagefind's modules. Both index the same records, made from the
 * built pages by build_scripts/search/: one record per page, its text cut
 * into units (a paragraph, a note, a register entry...) that results link to.
 *
 * Shared here: reading the query ("phrases" and words), "did you mean" from
 * the edition's own words, narrowing by kind of text, and showing each page
 * with its matching passages, each linked to its anchor.
 */
(function () {
  "use strict";

  var FIRST_BATCH = 3;        // pages shown at once (each costs a download online); "More results" for the rest
  var NEXT_BATCH = 8;
  var FIRST_LIMIT = 12;       // pages read for the first answer: the best ranked hold the true matches if any
  var NEXT_LIMIT = 60;
  var PASSAGES_SHOWN = 3;     // passages listed under a page; the rest are counted
  var EXCERPT_WORDS = 26;
  var PHRASE_CANDIDATES = 40; // pages read to check a phrase that Pagefind cannot check itself
  var HIDDEN_OPEN = "\u2e22", HIDDEN_CLOSE = "\u2e23";   // other names of a mention: searched, never shown
  var KIND_LABELS = {
    text: "Text of the documents",
    note: "Notes and headnotes",
    apparatus: "Apparatus and edition pages",
    register: "Registers"
  };
  var KIND_ORDER = { text: 0, note: 1, register: 2, apparatus: 3 };
  var PAGE_LABELS = { document: "Document", register: "Register", edition: "Edition" };

  /* -- words, as build_scripts/search/words.py splits them ------------------- */

  function normalise(text) {
    var plain = text.toLowerCase().replace(/['\u2019\u02bc]s\b/g, "").replace(/['\u2019\u02bc\u2018]/g, "")
      .normalize("NFKD").replace(/\p{M}/gu, "");
    return plain.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Damerau-Levenshtein (optimal string alignment), giving up above `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = null, previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current.push(value);
        if (value < best) best = value;
      }
      if (best > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  function allowedErrors(word) {
    return word.length <= 3 ? 0 : word.length <= 5 ? 1 : 2;
  }

  /* -- the query ---------------------------------------------------------------- */

  function parseQuery(text) {
    var phrases = [], loose = [];
    var rest = text.replace(/"([^"]*)"?/g, function (_, phrase) {
      var words = normalise(phrase);
      if (words.length) phrases.push(words);
      return " ";
    });
    loose = normalise(rest);
    var words = loose.concat.apply(loose, phrases);
    var open = !/["\s]$/.test(text) && loose.length > 0 && text.trim().slice(-1) !== '"';
    return { text: text.trim(), phrases: phrases, loose: loose, words: words, prefix: open };
  }

  /* -- a record with the places a query matched, cut into passages -------------- */

  function contentWords(record) {
    if (!record.words) record.words = record.content.split(/[\r\n\s]+/g);
    return record.words;
  }

  function isHidden(words) {
    var hidden = [], inside = false;
    for (var i = 0; i < words.length; i++) {
      if (words[i] === HIDDEN_OPEN) inside = true;
      hidden.push(inside);
      if (words[i] === HIDDEN_CLOSE) inside = false;
    }
    return hidden;
  }

  // Places where the phrase's words follow one another.
  function phrasePlaces(record, phrase) {
    var words = contentWords(record), places = [];
    if (!record.tokens) record.tokens = words.map(function (w) { return normalise(w); });
    var tokens = record.tokens;
    outer: for (var i = 0; i + phrase.length <= words.length; i++) {
      for (var k = 0; k < phrase.length; k++) {
        var here = tokens[i + k];
        if (!here.length || here.indexOf(phrase[k]) < 0 && here.join("") !== phrase[k]) continue outer;
      }
      for (k = 0; k < phrase.length; k++) places.push(i + k);
    }
    return places;
  }

  function unitsOf(record) {
    var units = record.meta.units || [];
    var byId = {};
    units.forEach(function (u) { byId[u[0]] = { id: u[0], kind: u[1], label: u[2] }; });
    var starts = (record.anchors || []).filter(function (a) { return byId[a.id]; })
      .map(function (a) { return { start: a.location, unit: byId[a.id] }; })
      .sort(function (a, b) { return a.start - b.start; });
    starts.forEach(function (s, i) { s.end = i + 1 < starts.length ? starts[i + 1].start : contentWords(record).length; });
    return starts;
  }

  function excerpt(record, span, places) {
    var words = contentWords(record), hidden = isHidden(words);
    var marked = {};
    places.forEach(function (p) {
      var q = p;
      while (q > span.start && hidden[q]) q--;   // a hidden name stands for the mention before it
      marked[q] = true;
    });
    var first = places.length ? Math.min.apply(null, places) : span.start;
    var from = Math.max(span.start, first - Math.floor(EXCERPT_WORDS / 3));
    var shown = [], i = from;
    for (; i < span.end && shown.length < EXCERPT_WORDS; i++) {
      if (!hidden[i]) shown.push({ word: words[i], mark: !!marked[i] });
    }
    return { before: from > span.start, words: shown, after: i < span.end };
  }

  // The passages of a record that hold the matched places (only of `kind`, if given).
  function passages(record, places, kind) {
    var spans = unitsOf(record), found = [];
    spans.forEach(function (span) {
      if (kind && span.unit.kind !== kind) return;
      var inside = places.filter(function (p) { return p >= span.start && p < span.end; });
      if (inside.length) found.push({ unit: span.unit, places: inside, span: span });
    });
    // the text first, then the notes, then the rest; within each, the passages that match most
    found.sort(function (a, b) {
      return (KIND_ORDER[a.unit.kind] - KIND_ORDER[b.unit.kind]) || b.places.length - a.places.length ||
        a.span.start - b.span.start;
    });
    return found;
  }

  /* -- the engines ---------------------------------------------------------------- */

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* the theme's default */ }
    return base.replace(/\/$/, "") + "/";
  }

  function pagefindEngine(root) {
    // an import resolves against this script's address, not the page's: hence the whole address
    var loading = import(new URL(root + "pagefind/pagefind.js", document.baseURI).href).then(function (pagefind) {
      return pagefind.options({ noWorker: true, excerptLength: 0 }).then(function () { return pagefind; });
    });
    function query(parsed) {
      if (parsed.phrases.length === 1 && !parsed.loose.length) return '"' + parsed.phrases[0].join(" ") + '"';
      return parsed.words.join(" ") + (parsed.prefix ? "" : " ");
    }
    return {
      name: "pagefind",
      search: function (parsed, options) {
        return loading.then(function (pagefind) {
          var filters = {};
          Object.keys(options.filters).forEach(function (k) { filters[k] = options.filters[k]; });
          var sort = options.sort === "date" ? { date: "asc" } : {};
          return pagefind.search(query(parsed), { filters: filters, sort: sort });
        }).then(function (answer) {
          return (answer ? answer.results : []).map(function (result) {
            return {
              load: function () {
                return result.data().then(function (d) {
                  var meta = Object.assign({}, d.meta);
                  try { meta.units = JSON.parse(d.meta.units || "[]"); } catch (e) { meta.units = []; }
                  return { url: d.url.replace(/^\//, ""), content: d.content, anchors: d.anchors, meta: meta,
                           places: d.locations || [] };
                });
              }
            };
          });
        });
      },
      filterValues: function () {
        return loading.then(function (pagefind) { return pagefind.filters(); });
      },
      vocabulary: function (length) {
        return fetch(root + "search/words/" + length + ".json")
          .then(function (r) { return r.ok ? r.json() : []; })
          .catch(function () { return []; });
      }
    };
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  // A light English stemmer, so that "crossings" finds "crossing" as Pagefind's does.
  function stem(word) {
    if (word.length > 5 && /ing$/.test(word)) return word.slice(0, -3);
    if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y";
    if (word.length > 4 && /ed$/.test(word)) return word.slice(0, -2);
    if (word.length > 4 && /es$/.test(word)) return word.slice(0, -2);
    if (word.length > 3 && /s$/.test(word) && !/ss$/.test(word)) return word.slice(0, -1);
    return word;
  }

  // Two rounds, so that "crossings" and "crossed" meet at "cross" as they do in Pagefind's stemmer.
  function stemRoot(word) {
    return stem(stem(word));
  }

  // Whether a record really holds every word of the query (Pagefind also offers
  // pages where only the start of a word matches, "and" for "andnog").
  function holdsEveryWord(record, parsed) {
    if (!record.tokens) record.tokens = contentWords(record).map(function (w) { return normalise(w); });
    var title = normalise(record.meta.title || "");
    return parsed.words.every(function (word, i) {
      var prefix = parsed.prefix && i === parsed.loose.length - 1, base = stemRoot(word);
      function same(token) { return token === word || stemRoot(token) === base || (prefix && token.indexOf(word) === 0); }
      return title.some(same) || record.tokens.some(function (tokens) {
        return tokens.some(same) || (tokens.length > 1 && same(tokens.join("")));
      });
    });
  }

  function offlineIndex(data) {
    var postings = new Map(), stems = new Map(), titleTokens = [];
    function add(token, r, at) {
      if (!postings.has(token)) postings.set(token, []);
      postings.get(token).push([r, at]);
      var s = stemRoot(token);
      if (!stems.has(s)) stems.set(s, new Set());
      stems.get(s).add(token);
    }
    data.records.forEach(function (record, r) {
      contentWords(record).forEach(function (word, at) {
        var tokens = normalise(word);
        tokens.forEach(function (t) { add(t, r, at); });
        if (tokens.length > 1) add(tokens.join(""), r, at);
      });
      titleTokens.push(new Set(normalise(record.meta.title || "")));
    });
    var counts = {};
    postings.forEach(function (list, token) { counts[token] = list.length; });
    return { records: data.records, postings: postings, stems: stems, titles: titleTokens, counts: counts };
  }

  function offlineEngine(root) {
    var loading = (window.editionSearchIndex ? Promise.resolve() : loadScript(root + "search/offline-index.js"))
      .then(function () { return offlineIndex(window.editionSearchIndex); });

    function tokensFor(index, word, prefix) {
      var found = new Set();
      (index.stems.get(stemRoot(word)) || []).forEach(function (t) { found.add(t); });
      if (index.postings.has(word)) found.add(word);
      if (prefix && word.length >= 2) {
        index.postings.forEach(function (_, t) { if (t.indexOf(word) === 0) found.add(t); });
      }
      return found;
    }

    function matches(index, parsed) {
      var perRecord = null, n = index.records.length;
      var terms = parsed.words.map(function (word, i) {
        var last = i === parsed.loose.length - 1 && parsed.prefix;
        return tokensFor(index, word, last);
      });
      var scores = {};
      terms.forEach(function (tokens, i) {
        var here = {};
        tokens.forEach(function (t) {
          (index.postings.get(t) || []).forEach(function (p) { (here[p[0]] = here[p[0]] || []).push(p[1]); });
        });
        index.titles.forEach(function (title, r) {
          tokens.forEach(function (t) { if (title.has(t)) here[r] = here[r] || []; });
        });
        var df = Object.keys(here).length;
        var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        Object.keys(here).forEach(function (r) {
          var tf = here[r].length;
          scores[r] = (scores[r] || 0) + idf * (1 + Math.log(1 + tf)) + (index.titles[r].has(parsed.words[i]) ? 3 * idf : 0);
        });
        if (perRecord === null) {
          perRecord = here;
        } else {
          var both = {};
          Object.keys(perRecord).forEach(function (r) {
            if (here[r]) both[r] = perRecord[r].concat(here[r]);
          });
          perRecord = both;
        }
      });
      return { places: perRecord || {}, scores: scores };
    }

    return {
      name: "offline",
      search: function (parsed, options) {
        return loading.then(function (index) {
          if (!parsed.words.length) return [];
          var found = matches(index, parsed);
          var ids = Object.keys(found.places).filter(function (r) {
            var record = index.records[r];
            return Object.keys(options.filters).every(function (key) {
              return (record.filters[key] || []).indexOf(options.filters[key]) >= 0;
            });
          });
          ids.sort(function (a, b) {
            if (options.sort === "date") {
              var da = index.records[a].date || "9999", db = index.records[b].date || "9999";
              if (da !== db) return da < db ? -1 : 1;
            }
            return found.scores[b] - found.scores[a];
          });
          return ids.map(function (r) {
            var record = index.records[r];
            return {
              load: function () {
                return Promise.resolve({
                  url: record.url, content: record.content, meta: record.meta, words: contentWords(record),
                  anchors: record.anchors.map(function (a) { return { location: a[0], id: a[1] }; }),
                  places: found.places[r].slice().sort(function (a, b) { return a - b; })
                });
              }
            };
          });
        });
      },
      filterValues: function () {
        return loading.then(function (index) {
          var values = {};
          index.records.forEach(function (record) {
            Object.keys(record.filters).forEach(function (key) {
              values[key] = values[key] || {};
              record.filters[key].forEach(function (v) { values[key][v] = (values[key][v] || 0) + 1; });
            });
          });
          return values;
        });
      },
      vocabulary: function (length) {
        return loading.then(function (index) {
          return Object.keys(index.counts).filter(function (w) { return w.length === length; })
            .map(function (w) { return [w, index.counts[w]]; });
        });
      }
    };
  }

  /* -- "did you mean": the nearest words of the edition ------------------------ */

  function correction(engine, parsed) {
    var lengths = {};
    parsed.words.forEach(function (w) {
      for (var n = w.length - 2; n <= w.length + 2; n++) if (n > 0) lengths[n] = true;
    });
    var wanted = Object.keys(lengths).map(Number);
    return Promise.all(wanted.map(function (n) { return engine.vocabulary(n); })).then(function (lists) {
      var known = new Map();
      lists.forEach(function (list) { list.forEach(function (entry) { known.set(entry[0], entry[1]); }); });
      var changed = false;
      function fix(word) {
        if (known.has(word)) return word;
        var limit = allowedErrors(word), best = null, bestDistance = limit + 1, bestCount = 0;
        if (!limit || /[^\p{Script=Latin}\p{Script=Cyrillic}\p{N}]/u.test(word)) return word;
        known.forEach(function (count, candidate) {
          var d = distance(word, candidate, limit);
          if (d < bestDistance || (d === bestDistance && count > bestCount)) {
            best = candidate; bestDistance = d; bestCount = count;
          }
        });
        if (best && bestDistance <= limit) { changed = true; return best; }
        return word;
      }
      var text = parsed.text.replace(/"([^"]*)"?|[^\s"]+/g, function (chunk) {
        return chunk.replace(/[\p{L}\p{N}'\u2019]+/gu, function (word) {
          var parts = normalise(word);
          return parts.length === 1 ? fix(parts[0]) : word;
        });
      });
      return changed ? text : null;
    });
  }

  /* -- the search box and its results --------------------------------------------- */

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) {
      if (k === "text") node.textContent = attributes[k]; else node.setAttribute(k, attributes[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function anchorHref(root, url, id) {
    return root + url + (id ? "#" + encodeURIComponent(id).replace(/%3A/gi, ":") : "");
  }

  function excerptNode(parts) {
    var node = element("span", { class: "edition-search-excerpt" });
    if (parts.before) node.appendChild(document.createTextNode("… "));
    parts.words.forEach(function (w, i) {
      if (i) node.appendChild(document.createTextNode(" "));
      node.appendChild(w.mark ? element("mark", { text: w.word }) : document.createTextNode(w.word));
    });
    if (parts.after) node.appendChild(document.createTextNode(" …"));
    return node;
  }

  function passageItem(root, record, passage) {
    var label = passage.unit.label || KIND_LABELS[passage.unit.kind];
    return element("li", {}, [
      element("a", { class: "edition-search-hit", href: anchorHref(root, record.url, passage.unit.id),
                     "data-anchor": passage.unit.id, "data-kind": passage.unit.kind }, [
        element("span", { class: "edition-search-label", text: label }),
        excerptNode(excerpt(record, passage.span, passage.places))
      ])
    ]);
  }

  function resultItem(root, record, found, kind) {
    var meta = record.meta, page = meta.page || "edition";
    var when = [meta.date_label, meta.type, meta.register].filter(Boolean).join(" · ");
    var head = element("a", { class: "md-search-result__link", href: anchorHref(root, record.url, "") }, [
      element("article", { class: "md-search-result__article md-typeset" }, [
        element("p", { class: "edition-search-page", text: PAGE_LABELS[page] || "" }),
        element("p", { class: "edition-search-title", text: meta.title || record.url }),
        when ? element("p", { class: "edition-search-when", text: when }) : null
      ])
    ]);
    var item = element("li", { class: "md-search-result__item", "data-url": record.url, "data-page": page }, [head]);
    if (found.length) {
      var list = element("ul", { class: "edition-search-hits" });
      found.slice(0, PASSAGES_SHOWN).forEach(function (passage) { list.appendChild(passageItem(root, record, passage)); });
      item.appendChild(list);
      if (found.length > PASSAGES_SHOWN) {
        var more = found.length - PASSAGES_SHOWN;
        var rest = element("ul", { class: "edition-search-hits" });
        found.slice(PASSAGES_SHOWN).forEach(function (passage) { rest.appendChild(passageItem(root, record, passage)); });
        item.appendChild(element("details", { class: "edition-search-more-hits" }, [
          element("summary", { text: more + " more passage" + (more > 1 ? "s" : "") + (kind ? " of this kind" : "") +
                                     " on this page" }),
          rest
        ]));
      }
    }
    return item;
  }

  function setUp(box) {
    var root = siteRoot();
    var toggle = document.getElementById("__search");
    var form = box.querySelector("#edition-search-form");
    var input = box.querySelector("#edition-search-input");
    var status = box.querySelector("#edition-search-status");
    var list = box.querySelector("#edition-search-results");
    var suggestion = box.querySelector(".edition-search-suggestion");
    var moreButton = box.querySelector(".edition-search-more");
    var filterBox = box.querySelector(".edition-search-filters");
    var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-filter]"));
    var sortSelect = box.querySelector("#edition-search-sort");
    var engine = null, run = 0, timer = null, pending = [], shownQuery = null;

    function chooseEngine() {
      if (engine) return engine;
      engine = location.protocol === "file:" || document.documentElement.dataset.searchOffline === "true"
        ? offlineEngine(root) : pagefindEngine(root);
      document.documentElement.dataset.searchEngine = engine.name;
      return engine;
    }

    var kindSelect = box.querySelector("#edition-search-kind");
    Object.keys(KIND_LABELS).forEach(function (k) {
      kindSelect.appendChild(element("option", { value: k, text: KIND_LABELS[k] }));
    });

    function fillFilters() {
      if (fillFilters.done) return;
      fillFilters.done = true;
      chooseEngine().filterValues().then(function (values) {
        selects.forEach(function (select) {
          var key = select.dataset.filter;
          if (key === "kind") return;
          Object.keys(values[key] || {}).sort().forEach(function (v) {
            select.appendChild(element("option", { value: v, text: v }));
          });
        });
      });
    }

    function options() {
      var filters = {};
      selects.forEach(function (s) { if (s.value) filters[s.dataset.filter] = s.value; });
      return { filters: filters, sort: sortSelect.value };
    }

    function open() {
      if (!toggle.checked) { toggle.checked = true; }
      chooseEngine();
    }

    function close() {
      toggle.checked = false;
      input.blur();
    }

    function say(text) { status.textContent = text; }

    function show(records, parsed, kind, runId) {
      if (runId !== run) return false;
      records.forEach(function (entry) {
        list.appendChild(resultItem(root, entry.record, entry.found, kind));
      });
      return true;
    }

    // Read records until `count` more are shown (a phrase, a kind or a word that
    // only half matches may leave some out), reading at most `limit` of them.
    function showMore(parsed, count, runId, limit) {
      var kind = options().filters.kind || "";
      var shown = [], examined = 0;
      function next() {
        if (runId !== run) return Promise.resolve();
        if (shown.length >= count || !pending.length || examined >= limit) {
          show(shown, parsed, kind, runId);
          moreButton.hidden = !pending.length;
          return Promise.resolve();
        }
        var size = parsed.phrases.length ? PHRASE_CANDIDATES : count - shown.length;
        var batch = pending.splice(0, Math.max(1, Math.min(size, limit - examined)));
        examined += batch.length;
        return Promise.all(batch.map(function (r) { return r.load(); })).then(function (records) {
          records.forEach(function (record) {
            if (!holdsEveryWord(record, parsed)) return;
            var places = record.places;
            if (parsed.phrases.length) {
              var all = [];
              var ok = parsed.phrases.every(function (phrase) {
                var p = phrasePlaces(record, phrase);
                all = all.concat(p);
                return p.length > 0;
              });
              if (!ok) return;
              // the phrases where they stand, and the other words wherever the engine found them
              places = Array.from(new Set(all.concat(parsed.loose.length ? places : [])))
                .sort(function (a, b) { return a - b; });
            }
            var found = passages(record, places, kind);
            if (kind && !found.length) return;
            shown.push({ record: record, found: found });
          });
          return next();
        });
      }
      return next();
    }

    // When a search has shown all it will show, the box says for which query (tests wait for it).
    function finished(text, runId) {
      if (runId === run) box.dataset.query = text;
    }

    function search(text, corrected) {
      var runId = ++run;
      delete box.dataset.query;
      var parsed = parseQuery(text);
      list.textContent = "";
      suggestion.hidden = true;
      suggestion.textContent = "";
      delete suggestion.dataset.corrected;
      moreButton.hidden = true;
      if (!parsed.words.length) { say("Type to search the edition"); finished(text, runId); return Promise.resolve(); }
      say("Searching…");
      var current = chooseEngine();
      return current.search(parsed, options()).then(function (results) {
        if (runId !== run) return null;
        pending = results.slice();
        return showMore(parsed, FIRST_BATCH, runId, FIRST_LIMIT).then(function () {
          if (runId !== run) return null;
          var count = list.children.length;
          if (!count && !corrected) {
            return correction(current, parsed).then(function (better) {
              if (runId !== run) return null;
              if (better && better !== text) {
                var correctedRun = run + 1;   // the id the corrected search is about to take
                return search(better, text).then(function () {
                  if (correctedRun !== run) return;
                  offerOriginal(text, better);
                  finished(text, correctedRun);
                });
              }
              say("No results for " + text);
              finished(text, runId);
              return null;
            });
          }
          say(!count ? "No results for " + text
              : pending.length ? count + " pages shown, best first; more below"
              : count + (count === 1 ? " page found" : " pages found"));
          shownQuery = text;
          if (!corrected) finished(text, runId);
          return null;
        });
      }).catch(function (error) {
        if (runId === run) say("The search could not be loaded: " + error.message);
        finished(text, runId);
      });
    }

    function offerOriginal(original, better) {
      suggestion.hidden = false;
      suggestion.dataset.corrected = better;
      suggestion.textContent = "";
      suggestion.appendChild(document.createTextNode("Nothing matches “" + original + "”. Showing results for "));
      suggestion.appendChild(element("strong", { text: better }));
      suggestion.appendChild(document.createTextNode(". "));
      var link = element("button", { type: "button", class: "edition-search-use", text: "Use “" + better + "” in the box" });
      link.addEventListener("click", function () { input.value = better; input.focus(); });
      suggestion.appendChild(link);
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(function () { search(input.value); }, 180);
    }

    input.addEventListener("focus", open);
    input.addEventListener("input", function () { open(); schedule(); });
    toggle.addEventListener("change", function () {
      if (toggle.checked) { chooseEngine(); input.focus(); }
    });
    selects.concat([sortSelect]).forEach(function (s) {
      s.addEventListener("change", function () { if (input.value.trim()) search(input.value); });
    });
    filterBox.addEventListener("toggle", function () { if (filterBox.open) fillFilters(); });
    moreButton.addEventListener("click", function () {
      var before = list.children.length;
      showMore(parseQuery(shownQuery || input.value), NEXT_BATCH, run, NEXT_LIMIT).then(function () {
        var first = list.children[before];
        if (first) first.querySelector("a").focus();
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      // the best result's first passage (or the page itself, if none is listed)
      var item = list.querySelector(".md-search-result__item");
      var first = item && (item.querySelector("a.edition-search-hit") || item.querySelector("a.md-search-result__link"));
      if (first) first.click();
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { search(""); input.focus(); }, 0);
    });
    list.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (link) close();
    });

    // Arrow keys move between the box and the results; Escape closes.
    box.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") { close(); event.preventDefault(); return; }
      if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
        var next = links[at + 1];
        if (next) { next.focus(); event.preventDefault(); }
      } else if (event.key === "ArrowUp" && at >= 0) {
        (at > 0 ? links[at - 1] : input).focus();
        event.preventDefault();
      }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (/^(input|textarea|select)$/i.test(target.tagName) || target.isContentEditable);
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
        event.preventDefault();
        open();
        input.focus();
      }
    });
  }

  function start() {
    var box = document.querySelector(".edition-search");
    if (box && !box.dataset.ready) {
      box.dataset.ready = "true";
      setUp(box);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();

  // For tests and the benchmark: the shared pieces, without a page.
  window.editionSearch = { normalise: normalise, distance: distance, parseQuery: parseQuery };
})();
