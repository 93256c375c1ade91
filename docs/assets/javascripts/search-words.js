/* The search's words, shared by both engines and the search box: split and
 * compare them as build_scripts/search/words.py does, stem them lightly,
 * measure how far apart two are, read a query, and find the edition's word
 * nearest to a misspelt one ("did you mean").
 */
(function () {
  "use strict";

  var S = window.editionSearch = window.editionSearch || {};

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

  S.normalise = normalise;
  S.distance = distance;
  S.stemRoot = stemRoot;
  S.parseQuery = parseQuery;
  S.correction = correction;
})();
