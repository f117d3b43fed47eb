#!/usr/bin/env bash
# Interop check of .ci/run: every export format is loaded by the real program that reads
# it (Graphviz, xmllint, networkx, igraph, Kùzu, Python's csv, Cytoscape.js), never by our
# own parser. Installs what it needs (Debian packages, a Python venv and node packages
# under target/); a tool that cannot be installed prints "skipped: why", not a pass.
set -uo pipefail
cd "$(dirname "$0")/../.."

work=target/interop
out=$work/out
bin=target/release/dipgraph
failed=0
fail() { echo "FAIL: $*"; failed=1; }

cargo build --release --quiet || exit 1
rm -rf "$out" "$work/graph.json" && mkdir -p "$out"

apt_install() { # apt_install COMMAND PACKAGE: installs the Debian package when the command is missing
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    [ -n "${apt_updated:-}" ] || { apt-get update -qq >/dev/null 2>&1; apt_updated=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1
  fi
  command -v "$1" >/dev/null 2>&1
}

# The samples plus one invented article whose actor has a name full of quoting traps.
g="--graph $work/graph.json --actors .ci/checks/interop/awkward-actors.toml"
$bin $g -q build data/samples/ .ci/checks/interop/awkward.jsonl --dot - || exit 1
for f in dot json graphml gexf cytoscape cypher gephi-csv; do
  $bin $g export --format $f --out "$out/graph.$f" || fail "export --format $f"
done
mv "$out/graph.cytoscape" "$out/graph.cyjs"
$bin $g export --format csv --out "$out/neo4j" || fail "export --format csv"
echo "exports of the samples: $(ls "$out" | tr '\n' ' ')"

echo "-- dot: Graphviz renders the DOT export without a warning"
if apt_install dot graphviz; then
  echo "   $(dot -V 2>&1)"
  for layout in dot neato circo sfdp; do
    $bin $g export --format dot --layout $layout --out "$out/layout-$layout.dot" || fail "export --layout $layout"
    if dot -Tsvg "$out/layout-$layout.dot" -o "$out/layout-$layout.svg" 2>"$out/dot-$layout.err" && [ ! -s "$out/dot-$layout.err" ]; then
      echo "   --layout $layout: $(grep -c '<g id="actor:' "$out/layout-$layout.svg") actors drawn, no warning"
    else
      fail "dot -Tsvg --layout $layout: $(head -3 "$out/dot-$layout.err")"
    fi
  done
  $bin $g export --format png --out "$out/graph.png" && echo "   png: $(file -b "$out/graph.png" 2>/dev/null || wc -c <"$out/graph.png")" || fail "export --format png"
else
  echo "   skipped: Graphviz could not be installed (apt-get install graphviz)"
fi
PATH_NO_DOT=$(mktemp -d)
if env PATH="$PATH_NO_DOT" "$PWD/$bin" $g export --format svg --out "$out/builtin.svg" 2>/dev/null && grep -q '<g id="actor:' "$out/builtin.svg"; then
  echo "   svg without Graphviz on PATH: drawn by the built-in layout ($(grep -c '<g id="actor:' "$out/builtin.svg") actors)"
else
  fail "svg without Graphviz"
fi
rmdir "$PATH_NO_DOT"

echo "-- xmllint: GraphML and GEXF are well-formed XML"
if apt_install xmllint libxml2-utils; then
  for f in graphml gexf; do
    if xmllint --noout "$out/graph.$f" 2>"$out/xmllint-$f.err"; then
      echo "   graph.$f: well-formed ($(xmllint --xpath 'count(//*[local-name()="node"])' "$out/graph.$f") nodes)"
    else
      fail "xmllint graph.$f: $(head -3 "$out/xmllint-$f.err")"
    fi
  done
  for svg in "$out/builtin.svg"; do xmllint --noout "$svg" || fail "xmllint $svg"; done
  echo "   skipped: validation against the GEXF 1.3 schema (gexf.xsd is published only on gexf.net, which no package registry carries); well-formedness checked instead"
else
  echo "   skipped: xmllint could not be installed (apt-get install libxml2-utils)"
fi

echo "-- Python: networkx, igraph, Kùzu, csv"
venv=$work/venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >/dev/null 2>&1 || echo "   skipped: python3 -m venv failed"
fi
if [ -x "$venv/bin/python" ] && "$venv/bin/pip" install -q networkx igraph >/dev/null 2>&1; then
  "$venv/bin/pip" install -q kuzu >/dev/null 2>&1 || echo "   (kuzu did not install: the Cypher check will say skipped)"
  "$venv/bin/python" .ci/checks/interop/check.py "$out" "$out/graph.json" || failed=1
else
  echo "   skipped: networkx and igraph could not be installed from PyPI"
fi

echo "-- Cytoscape.js loads the elements JSON"
node_dir=$work/node
if command -v node >/dev/null 2>&1 && { [ -d "$node_dir/node_modules/cytoscape" ] || npm install --silent --no-audit --no-fund --prefix "$node_dir" cytoscape@3 >/dev/null 2>&1; }; then
  read -r nn ne < <("$venv/bin/python" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["elements"]["nodes"]), len(d["elements"]["edges"]))' "$out/graph.cyjs" 2>/dev/null || node -e 'const d=require(process.argv[1]); console.log(d.elements.nodes.length, d.elements.edges.length)' "$PWD/$out/graph.cyjs")
  NODE_PATH="$node_dir/node_modules" node .ci/checks/interop/cytoscape.js "$out/graph.cyjs" "$nn" "$ne" || failed=1
else
  echo "   skipped: node or the cytoscape npm package is not available"
fi

echo "-- graphology-gexf (Sigma.js, Gephi Lite) loads the GEXF"
if command -v node >/dev/null 2>&1 && { [ -d "$node_dir/node_modules/graphology-gexf" ] || npm install --silent --no-audit --no-fund --prefix "$node_dir" graphology graphology-gexf >/dev/null 2>&1; }; then
  gn=$(xmllint --xpath 'count(//*[local-name()="node"])' "$out/graph.gexf" 2>/dev/null || echo "${nn:-0}")
  ge=$(xmllint --xpath 'count(//*[local-name()="edge"])' "$out/graph.gexf" 2>/dev/null || echo "${ne:-0}")
  NODE_PATH="$node_dir/node_modules" node .ci/checks/interop/graphology.js "$out/graph.gexf" "$gn" "$ge" || failed=1
else
  echo "   skipped: node or the graphology-gexf npm package is not available"
fi

if [ $failed -ne 0 ]; then
  echo "interop: FAILED"
  exit 1
fi
echo "interop: every available tool loaded its format"
