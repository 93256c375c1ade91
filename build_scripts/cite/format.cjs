// Formats citations with citeproc-js (the CSL engine inside Zotero) and
// exports BibTeX (BibLaTeX) and RIS with citation-js. Reads one JSON request
// on stdin, writes one JSON answer on stdout; touches no network. The
// engines are built once (their styles take seconds to load) for a whole
// batch of jobs, one job per document.
//
// request: {locale, styles: {name: xml}, jobs: [job]}
// job:     {items: [CSL-JSON], citations: [{style, item, locator?, label?}], exports: [item ids]}
// answer:  {answers: [{citations: [{citation, bibliography}] (HTML, in job order),
//                      bibtex: {id: text}, ris: {id: text}}]}
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
function makeEngines(request, items) {
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

// RIS: citation-js maps the item to tags; fields its mapping leaves out for
// this item type are added, and every tag is written on one line (its own
// text output wraps values every 70 characters, splitting words).
function risDate(parts) {
  const [year, month, day] = parts["date-parts"][0];
  return [year, month, day].map((n) => (n ? String(n).padStart(2, "0") : "")).join("/");
}

function ris(item) {
  const [entry] = new Cite(item).format("ris", { format: "object" });
  const extra = {
    DA: item.issued && risDate(item.issued),
    ET: item.version && `Version ${item.version}`,
    OP: item["original-date"] && risDate(item["original-date"]),
    DB: item.archive,
    AN: item.archive_location,
    N1: item.note,
  };
  for (const [tag, value] of Object.entries(extra)) {
    if (value && !entry[tag]) entry[tag] = value;
  }
  const lines = [`TY  - ${entry.TY}`];
  for (const [tag, values] of Object.entries(entry)) {
    if (tag === "TY") continue;
    for (const value of [].concat(values)) lines.push(`${tag}  - ${String(value).replace(/\s+/g, " ")}`);
  }
  lines.push("ER  - ");
  return lines.join("\n") + "\n";
}

// BibTeX: citation-js's BibLaTeX mapping (which escapes the values for TeX),
// with the archive and its reference in `library` (BibLaTeX's field for a
// holding library and call number) and a plain BibTeX `year`.
function bibtex(item) {
  const holding = [item.archive, item.archive_location].filter(Boolean).join(", ");
  const [entry] = new Cite({ ...item, "call-number": holding || undefined }).format("biblatex", { format: "object" });
  const properties = { ...entry.properties };
  if (item.issued) properties.year = String(item.issued["date-parts"][0][0]);
  const fields = Object.entries(properties).map(([key, value]) => `\t${key} = {${value}},`);
  const comments = ["% BibLaTeX entry: date, origdate, translator, version, library, shorttitle and language are",
                    "% BibLaTeX fields that plain BibTeX lacks (use biblatex with biber to print them)."];
  if (item.note) comments.push(`% ${item.note}`);
  return `${comments.join("\n")}\n@${entry.type}{${entry.label},\n${fields.join("\n")}\n}\n`;
}

function runJob(engines, items, job) {
  for (const item of job.items) items[item.id] = item;
  const answer = { citations: [], bibtex: {}, ris: {} };
  for (const citation of job.citations || []) {
    answer.citations.push(format(engines[citation.style], citation));
  }
  for (const id of job.exports || []) {
    const item = job.items.find((candidate) => candidate.id === id);
    answer.bibtex[id] = bibtex(item);
    answer.ris[id] = ris(item);
  }
  for (const item of job.items) delete items[item.id];
  return answer;
}

async function main() {
  const request = await readStdin();
  const items = {};
  const engines = makeEngines(request, items);
  const answers = request.jobs.map((job) => runJob(engines, items, job));
  process.stdout.write(JSON.stringify({ answers }));
}

main().catch((error) => {
  process.stderr.write(String((error && error.stack) || error) + "\n");
  process.exit(1);
});
