// Reference formatting for the tests: citeproc-js's own output, from fresh
// engines, independent of the build's format.cjs. Reads
// {locale, jobs: [{style, requests: [{item, locator?}]}]} on stdin; writes,
// for each job, a list of {citation, bibliography} as plain text, one per
// request, each made with only its own item registered.
"use strict";
const CSL = require("citeproc");

function format(locale, style, requests) {
  const items = {};
  const sys = { retrieveLocale: () => locale, retrieveItem: (id) => items[id] };
  const engine = new CSL.Engine(sys, style, "en-US", true);
  engine.setOutputFormat("text");
  return requests.map(({ item, locator }) => {
    items[item.id] = item;
    engine.updateItems([item.id]);
    const reference = { id: item.id };
    if (locator) {
      reference.locator = locator;
      reference.label = "paragraph";
    }
    const citation = engine.makeCitationCluster([reference]);
    const bibliography = engine.makeBibliography()[1].join("");
    return { citation: citation.trim(), bibliography: bibliography.trim() };
  });
}

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  process.stdout.write(JSON.stringify(request.jobs.map((job) => format(request.locale, job.style, job.requests))));
});
