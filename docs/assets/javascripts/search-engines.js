/* The two engines behind the search box, with one interface (search,
 * filterValues, vocabulary): Pagefind on the online site, loaded on first
 * use; the in-page index of the offline copy (search/offline-index.js), which
 * a browser reads from disk where it does not run Pagefind.
 */
(function () {
  "use strict";

  var S = window.editionSearch = window.editionSearch || {};
  var normalise = S.normalise, stemRoot = S.stemRoot, contentWords = S.contentWords;


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
          var sort = options.sort === "date" ? { date: "asc" } : {};
          return pagefind.search(query(parsed), { filters: options.filters, sort: sort });
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

  S.siteRoot = siteRoot;
  S.pagefindEngine = pagefindEngine;
  S.offlineEngine = offlineEngine;
})();
