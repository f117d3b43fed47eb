// Loads dipgraph's GEXF into graphology (the graph library of Sigma.js and Gephi Lite)
// with graphology-gexf's parser. Usage: node graphology.js FILE EXPECTED_NODES EXPECTED_EDGES
"use strict";
const fs = require("fs");
const { DOMParser } = require("@xmldom/xmldom");
const { MultiDirectedGraph } = require("graphology");
const gexf = require("graphology-gexf");
const [file, wantNodes, wantEdges] = process.argv.slice(2);
const g = gexf.parse(MultiDirectedGraph, fs.readFileSync(file, "utf8"), { DOMParser });
const e = g.edges()[0];
const a = g.getEdgeAttributes(e);
console.log(`   graphology-gexf: ${g.order} nodes, ${g.size} edges; first edge ${g.source(e)} -> ${g.target(e)}: ` +
  `relation ${a.relation}, count ${a.count} (${typeof a.count}), weight ${a.weight}, goldstein ${a.goldstein} (${typeof a.goldstein})`);
const ok = g.order === +wantNodes && g.size === +wantEdges && typeof a.count === "number" && typeof a.goldstein === "number";
if (!ok) { console.log("   FAIL: graphology did not read every element with its types"); process.exit(1); }
