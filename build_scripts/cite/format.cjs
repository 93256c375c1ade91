// Formats citations with citeproc-js (the CSL engine inside Zotero) and
// exports BibTeX and RIS with citation-js. Reads one JSON request on stdin,
// writes one JSON answer on stdout; touches no network.
//
// request: {locale, styles: {name: xml}, items: [CSL-JSON],
//           citations: [{style, item, locator?, label?}], exports: [item ids]}
// answer:  {citations: [{citation, bibliography}] (HTML, in request order),
//           bibtex: {id: text}, ris: {id: text}}
"use strict";

const CSL = require("citeproc");
const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");

function readStdin() {
  return new Promise((resolve) => {
    let data = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => { data += chunk; });
    process.stdin.on("end", () => resolve(JSON.parse(data)));
  });
}

// One engine per style. Each citation is made with only its own item in the
// engine's registry, so items never disambiguate one another (a paragraph of
// a document is not a second work by the same author), and
// makeCitationCluster keeps no history, so every citation is in full form.
function makeEngines(request) {
  const items = Object.fromEntries(request.items.map((item) => [item.id, item]));
  const sys = { retrieveLocale: () => request.locale, retrieveItem: (id) => items[id] };
  const engines = {};
  for (const style of Object.keys(request.styles)) {
    engines[style] = new CSL.Engine(sys, request.styles[style], "en-US", true);
    engines[style].setOutputFormat("html");
  }
  return engines;
}

function format(engine, citation) {
  engine.updateItems([citation.item]);
  const reference = { id: citation.item };
  if (citation.locator) {
    reference.locator = citation.locator;
    reference.label = citation.label || "paragraph";
  }
  const [, entries] = engine.makeBibliography();
  return { citation: engine.makeCitationCluster([reference]).trim(), bibliography: entries.join("").trim() };
}

async function main() {
  const request = await readStdin();
  const engines = makeEngines(request);
  const answer = { citations: [], bibtex: {}, ris: {} };
  for (const citation of request.citations || []) {
    answer.citations.push(format(engines[citation.style], citation));
  }
  for (const id of request.exports || []) {
    const cite = new Cite(request.items.find((item) => item.id === id));
    answer.bibtex[id] = cite.format("bibtex");
    answer.ris[id] = cite.format("ris");
  }
  process.stdout.write(JSON.stringify(answer));
}

main().catch((error) => {
  process.stderr.write(String((error && error.stack) || error) + "\n");
  process.exit(1);
});
