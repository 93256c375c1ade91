/* The edition's search box, in the theme's header, and its results.
 *
 * Two engines answer (search-engines.js): Pagefind on the online site and an
 * in-page index in the offline copy read from disk. Both index the same
 * records, made from the built pages by build_scripts/search/: one record per
 * page, its text cut into passages (a paragraph, a note, a register entry...)
 * that results link to. Here: reading the box and the filters, asking the
 * engine, "did you mean" when nothing matches, and showing each page with its
 * matching passages (search-records.js), each linked to its anchor.
 */
(function () {
  "use strict";
  var S = window.editionSearch;
  var parseQuery = S.parseQuery, correction = S.correction, passages = S.passages, excerpt = S.excerpt;
  var phrasePlaces = S.phrasePlaces, holdsEveryWord = S.holdsEveryWord, siteRoot = S.siteRoot;
  var offlineEngine = S.offlineEngine, pagefindEngine = S.pagefindEngine;

  var FIRST_BATCH = 3;        // pages shown at once (each costs a download online); "More results" for the rest
  var NEXT_BATCH = 8;
  var FIRST_LIMIT = 12;       // pages read for the first answer: the best ranked hold the true matches if any
  var NEXT_LIMIT = 60;
  var PASSAGES_SHOWN = 3;     // passages listed under a page; the rest are counted
  var PHRASE_CANDIDATES = 40; // pages read to check a phrase that Pagefind cannot check itself
  var KIND_LABELS = {
    text: "Text of the documents",
    note: "Notes and headnotes",
    apparatus: "Apparatus and edition pages",
    register: "Registers"
  };
  var PAGE_LABELS = { document: "Document", register: "Register", edition: "Edition" };

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

    function show(records, kind, runId) {
      if (runId !== run) return;
      records.forEach(function (entry) {
        list.appendChild(resultItem(root, entry.record, entry.found, kind));
      });
    }

    // Read records until `count` more are shown (a phrase, a kind or a word that
    // only half matches may leave some out), reading at most `limit` of them.
    function showMore(parsed, count, runId, limit) {
      var kind = options().filters.kind || "";
      var shown = [], examined = 0;
      function next() {
        if (runId !== run) return Promise.resolve();
        if (shown.length >= count || !pending.length || examined >= limit) {
          show(shown, kind, runId);
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
})();
