/* A record as both engines give it (its text as words, anchors at word
 * positions, the passages it is cut into) and the places a query matched:
 * which passages hold them, the excerpt to show, whether every word of the
 * query is really there, and where a phrase stands.
 */
(function () {
  "use strict";

  var S = window.editionSearch = window.editionSearch || {};
  var normalise = S.normalise, stemRoot = S.stemRoot;
  var EXCERPT_WORDS = 26;
  var HIDDEN_OPEN = "\u2e22", HIDDEN_CLOSE = "\u2e23";   // other names of a mention: searched, never shown
  var KIND_ORDER = { text: 0, note: 1, register: 2, apparatus: 3 };   // the text's passages first, then the notes


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

  S.HIDDEN_OPEN = HIDDEN_OPEN;
  S.HIDDEN_CLOSE = HIDDEN_CLOSE;
  S.contentWords = contentWords;
  S.phrasePlaces = phrasePlaces;
  S.passages = passages;
  S.excerpt = excerpt;
  S.holdsEveryWord = holdsEveryWord;
})();
