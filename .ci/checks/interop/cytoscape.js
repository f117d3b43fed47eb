// Loads dipgraph's Cytoscape elements JSON into Cytoscape.js (headless) and checks that
// every node and edge arrived. Usage: node cytoscape.js FILE EXPECTED_NODES EXPECTED_EDGES
"use strict";
const fs = require("fs");
const cytoscape = require("cytoscape");
const [file, wantNodes, wantEdges] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(file, "utf8"));
const warnings = [];
const warn = console.warn;
console.warn = (...a) => { warnings.push(a.join(" ")); warn(...a); };
const cy = cytoscape({ headless: true, elements: doc.elements });
console.warn = warn;
const n = cy.nodes().length, e = cy.edges().length;
console.log(`   cytoscape.js ${cytoscape.version || ""}: ${n} nodes, ${e} edges, ${warnings.length} warnings`);
const top = cy.nodes().max((x) => x.degree()).ele;
console.log(`   highest degree: ${top.data("name")} (${top.degree()}); first edge: ${cy.edges()[0].data("source")} ${cy.edges()[0].data("interaction")} ${cy.edges()[0].data("target")}`);
const ok = n === +wantNodes && e === +wantEdges && warnings.length === 0 &&
  cy.edges().every((x) => x.source().nonempty() && x.target().nonempty());
if (!ok) { console.log("   FAIL: cytoscape.js did not load every element"); process.exit(1); }
