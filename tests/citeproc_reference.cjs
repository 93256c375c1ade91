// Reference formatting for the tests: a fresh citeproc-js engine for one
// item, independent of the build's format.cjs. Reads
// {item, style, locale, locator?} on stdin; writes {citation, bibliography}
// as plain text.
"use strict";
const CSL = require("citeproc");

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  const sys = { retrieveLocale: () => request.locale, retrieveItem: () => request.item };
  const engine = new CSL.Engine(sys, request.style, "en-US", true);
  engine.setOutputFormat("text");
  engine.updateItems([request.item.id]);
  const reference = { id: request.item.id };
  if (request.locator) {
    reference.locator = request.locator;
    reference.label = "paragraph";
  }
  const citation = engine.makeCitationCluster([reference]);
  const bibliography = engine.makeBibliography()[1].join("");
  process.stdout.write(JSON.stringify({ citation: citation.trim(), bibliography: bibliography.trim() }));
});
