"""Loads dipgraph's exports with the programs analysts use, not with our own parser.

Run by .ci/checks/20-interop.sh inside a virtual environment under target/. Each check
prints what the tool read; a tool that could not be installed prints "skipped: why".
Usage: check.py OUT_DIR EXPECTED.json
"""
import csv
import json
import os
import sys

out, expected_path = sys.argv[1], sys.argv[2]
with open(expected_path, encoding="utf-8") as f:
    expected = json.load(f)  # the node-link export: what every other format must hold
N = len(expected["nodes"])
E = len(expected["edges"])
STATEMENTS = sum(e["count"] for e in expected["edges"] if e["key"] != "affiliation")
EVIL = "Zed \"Q\" O'Hara \\ Jr.\nsecond line"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("  FAIL:", what)


def path(name):
    return os.path.join(out, name)


def types_of(items):
    seen = {}
    for d in items:
        for k, v in d.items():
            seen.setdefault(k, set()).add(type(v).__name__)
    return {k: sorted(v) for k, v in sorted(seen.items())}


import networkx as nx

print("-- networkx", nx.__version__, "read_graphml")
G = nx.read_graphml(path("graph.graphml"))
print("  ", type(G).__name__, G.number_of_nodes(), "nodes,", G.number_of_edges(), "edges")
check(G.number_of_nodes() == N and G.number_of_edges() == E, "graphml node/edge counts")
nt = types_of(d for _, d in G.nodes(data=True))
et = types_of(d for *_, d in G.edges(data=True))
print("   node attributes:", nt)
print("   edge attributes:", et)
check(nt.get("mentions") == ["int"] and nt.get("degree") == ["int"], "graphml node ints")
check(et.get("count") == ["int"] and et.get("weight") == ["float"] and et.get("goldstein") == ["float"], "graphml edge numbers")
check(any(d.get("name") == EVIL for _, d in G.nodes(data=True)), "graphml keeps a name with quotes, backslash, newline")
ev = [json.loads(d["evidence"]) for *_, d in G.edges(data=True) if "evidence" in d]
check(sum(len(x) for x in ev) == STATEMENTS, "graphml evidence items")
check(all({"doc", "sentence", "span", "text", "cue", "date"} <= set(x) for l in ev for x in l), "graphml evidence fields")

try:
    import igraph as ig
except ImportError as e:
    print("-- igraph: skipped:", e)
else:
    print("-- igraph", ig.__version__, "Graph.Read_GraphML")
    g = ig.Graph.Read_GraphML(path("graph.graphml"))
    print("  ", g.vcount(), "vertices,", g.ecount(), "edges, directed:", g.is_directed())
    check(g.vcount() == N and g.ecount() == E and g.is_directed(), "igraph counts")
    print("   vertex attributes:", sorted(g.vs.attributes()))
    print("   edge attributes:", sorted(g.es.attributes()))
    check(set(["name", "kind", "mentions", "degree", "country"]) <= set(g.vs.attributes()), "igraph vertex attributes")
    check(set(["relation", "family", "count", "weight", "evidence", "documents"]) <= set(g.es.attributes()), "igraph edge attributes")
    counts = [c for c, t in zip(g.es["count"], g.es["edge_type"]) if t == "statement"]
    check(all(isinstance(c, (int, float)) for c in counts) and sum(counts) == STATEMENTS, "igraph typed counts")
    # igraph reads GraphML 'int' as a number, so centralities work at once.
    top = max(range(g.vcount()), key=lambda i: g.degree(i))
    print("   highest degree:", g.vs[top]["name"], g.degree(top))

print("-- networkx read_gexf (GEXF 1.3)")
X = nx.read_gexf(path("graph.gexf"), version="1.3")
print("  ", type(X).__name__, X.number_of_nodes(), "nodes,", X.number_of_edges(), "edges, mode:", X.graph.get("mode"))
check(X.number_of_nodes() == N and X.number_of_edges() == E, "gexf counts")
check(X.graph.get("mode") == "dynamic", "gexf dynamic mode")
xt = types_of(d for *_, d in X.edges(data=True))
print("   edge attributes:", xt)
check(xt.get("count") == ["int"] and xt.get("goldstein") == ["float"], "gexf typed edge attributes")
spells = [d["spells"] for *_, d in X.edges(data=True) if "spells" in d]
print("   edges with spells:", len(spells), "first:", spells[0][:2] if spells else None)
check(len(spells) > 0 and all(s and s[0][0] for s in spells), "gexf spells")
check(any(d.get("label") == EVIL for _, d in X.nodes(data=True)) or any(EVIL.replace("\n", " ") == d.get("label") for _, d in X.nodes(data=True)), "gexf keeps the awkward name")

print("-- networkx node_link_graph (node-link JSON)")
with open(path("graph.json"), encoding="utf-8") as f:
    data = json.load(f)
J = nx.node_link_graph(data, edges="edges")
print("  ", type(J).__name__, J.number_of_nodes(), "nodes,", J.number_of_edges(), "edges")
check(J.number_of_nodes() == N and J.number_of_edges() == E, "node-link counts")
keys = sorted({k for *_, k in J.edges(keys=True)})
print("   edge keys:", keys)
d = next(d for *_, k, d in J.edges(keys=True, data=True) if k != "affiliation")
check({"relation", "family", "count", "documents", "first_date", "last_date", "evidence"} <= set(d), "node-link edge attributes")

print("-- Python csv: Neo4j import files")
with open(path("neo4j/nodes.csv"), newline="", encoding="utf-8") as f:
    nodes = list(csv.DictReader(f))
with open(path("neo4j/edges.csv"), newline="", encoding="utf-8") as f:
    edges = list(csv.DictReader(f))
print("   nodes.csv header:", list(nodes[0].keys()))
print("   edges.csv header:", list(edges[0].keys()))
print("  ", len(nodes), "nodes,", len(edges), "relationships;", "types:", sorted({e[":TYPE"] for e in edges}))
check(list(nodes[0])[:2] == ["id:ID", ":LABEL"], "nodes.csv id:ID and :LABEL")
check(list(edges[0])[:3] == [":START_ID", ":END_ID", ":TYPE"], "edges.csv start, end, type")
ids = {n["id:ID"] for n in nodes}
check(len(ids) == len(nodes) == N, "unique node ids")
check(all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges), "every relationship's ends are nodes")
stmts = [e for e in edges if e[":TYPE"] != "AFFILIATED_WITH"]
check(len(stmts) == STATEMENTS, "one relationship per statement")
check(all(int(e["sentence:int"]) >= 0 and int(e["span_end:int"]) > int(e["span_start:int"]) for e in stmts), "typed sentence and span")
check(all(e["explicit:boolean"] in ("true", "false") for e in stmts), "boolean column")
check(any(n["name"] == EVIL for n in nodes), "csv keeps the awkward name")

print("-- Cypher script in an embedded Cypher engine")
try:
    import kuzu
except ImportError as e:
    print("   skipped: kuzu could not be installed here:", e)
else:
    import shutil, tempfile
    rels = sorted({e[":TYPE"] for e in edges} | {r.upper() for r in (
        "accuses", "denies", "rejects", "dismisses", "condemns", "criticizes",
        "warns", "threatens", "urges", "demands", "praises", "supports")})
    tmp = tempfile.mkdtemp()
    db = kuzu.Database(os.path.join(tmp, "db"))
    con = kuzu.Connection(db)
    # Kùzu wants its tables declared; Neo4j and Memgraph do not. The script itself is loaded unchanged.
    con.execute("CREATE NODE TABLE Actor(id STRING, name STRING, kind STRING, country STRING, "
                "mentions INT64, degree INT64, aliases STRING, PRIMARY KEY(id))")
    for r in rels:
        if r == "AFFILIATED_WITH":
            con.execute("CREATE REL TABLE AFFILIATED_WITH(FROM Actor TO Actor, count INT64, documents STRING[])")
        else:
            con.execute(f"CREATE REL TABLE {r}(FROM Actor TO Actor, doc STRING, sentence INT64, span_start INT64, "
                        "span_end INT64, relation STRING, family STRING, evidence STRING, cue STRING, date DATE, "
                        "speaker STRING, topic STRING, confidence DOUBLE, explicit BOOLEAN, cameo STRING, "
                        "plover STRING, goldstein DOUBLE, source_url STRING)")
    with open(path("graph.cypher"), encoding="utf-8") as f:
        script = f.read()

    def counts():
        n = con.execute("MATCH (a:Actor) RETURN count(a)").get_next()[0]
        m = con.execute("MATCH ()-[r]->() RETURN count(r)").get_next()[0]
        return n, m

    con.execute(script)
    first = counts()
    con.execute(script)
    second = counts()
    print("   kuzu", kuzu.__version__, "loaded", first[0], "actors,", first[1], "relationships; again:", second)
    check(first == second, "MERGE script is idempotent")
    check(first == (N, STATEMENTS + sum(1 for e in edges if e[":TYPE"] == "AFFILIATED_WITH")), "cypher counts")
    name = con.execute("MATCH (a:Actor {id: 'zed-quote'}) RETURN a.name").get_next()[0]
    print("   awkward name read back:", repr(name))
    check(name == EVIL, "cypher keeps quotes, backslash and newline")
    r = con.execute("MATCH (a:Actor)-[r:ACCUSES]->(b:Actor) RETURN a.name, b.name, r.doc, r.date LIMIT 1").get_next()
    print("   one accusation:", r)
    shutil.rmtree(tmp)

if failures:
    print(f"interop: {len(failures)} check(s) failed:", "; ".join(failures))
    sys.exit(1)
print("interop: python checks passed")
