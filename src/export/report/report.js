// dipgraph report: filters, selection and timeline over the embedded statements.
// Everything the data holds goes into the page as text nodes, never as markup.
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("dipgraph-data").textContent);
  var PAGE = 200;
  var colors = {};
  data.families.forEach(function (f) { colors[f[0]] = f[1]; });
  var actors = data.actors.map(function (a) { return { id: a[0], name: a[1], kind: a[2], country: a[3] }; });
  var byId = {};
  actors.forEach(function (a, i) { byId[a.id] = i; });
  var docs = data.docs.map(function (d) { return { id: d[0], title: d[1], date: d[2], url: d[3], source: d[4] }; });
  var edges = data.edges.map(function (e) { return { s: e[0], t: e[1], r: e[2], f: e[3] }; });
  var rows = data.statements.map(function (x) {
    var e = edges[x[0]];
    return { e: x[0], s: e.s, t: e.t, r: e.r, f: e.f, doc: x[1], sent: x[2], date: x[3] || "", text: x[4], cue: x[5],
             lower: x[4].toLowerCase() };
  });
  rows.sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : a.e - b.e; });

  var state = { actor: null, edge: null, pair: null, family: "", since: "", until: "", text: "", shown: PAGE };
  var $ = function (id) { return document.getElementById(id); };
  var el = function (tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  };

  function actorName(i) { return i < 0 ? "(no named target)" : actors[i].name; }

  function matches(r) {
    if (state.edge !== null && r.e !== state.edge) return false;
    if (state.pair !== null && (r.s !== state.pair[0] || r.t !== state.pair[1])) return false;
    if (state.actor !== null && r.s !== state.actor && r.t !== state.actor) return false;
    if (state.family && r.f !== state.family) return false;
    if (state.since && r.date < state.since) return false;
    if (state.until && r.date.slice(0, state.until.length) > state.until) return false;
    if (state.text && r.lower.indexOf(state.text) < 0) return false;
    return true;
  }

  function evidenceCell(r) {
    var td = el("td", "ev");
    var cue = (r.cue || "").toLowerCase();
    var at = cue ? r.lower.indexOf(cue) : -1;
    if (at < 0 && cue.indexOf(" ") > 0) { cue = cue.split(" ")[0]; at = r.lower.indexOf(cue); }
    if (at < 0) { td.textContent = r.text; return td; }
    td.appendChild(document.createTextNode(r.text.slice(0, at)));
    td.appendChild(el("mark", null, r.text.slice(at, at + cue.length)));
    td.appendChild(document.createTextNode(r.text.slice(at + cue.length)));
    return td;
  }

  function actorLink(i) {
    if (i < 0) return el("span", null, actorName(i));
    var a = el("a", "actor", actors[i].name);
    a.title = actors[i].id + " (" + actors[i].kind + (actors[i].country ? ", " + actors[i].country : "") + ")";
    a.dataset.actor = i;
    return a;
  }

  function docCell(r) {
    var td = el("td", "doc");
    var d = docs[r.doc];
    var label = (d.title || d.id) + " · sentence " + r.sent;
    if (d.url && /^https?:\/\//i.test(d.url)) {
      var a = el("a", null, label);
      a.href = d.url; a.target = "_blank"; a.rel = "noopener noreferrer";
      td.appendChild(a);
    } else {
      td.textContent = label;
    }
    td.title = d.id + (d.source ? " · " + d.source : "");
    return td;
  }

  function renderTable(list) {
    var body = document.querySelector("#statements tbody");
    var frag = document.createDocumentFragment();
    list.slice(0, state.shown).forEach(function (r) {
      var tr = el("tr");
      tr.appendChild(el("td", "date", r.date || "undated"));
      var s = el("td"); s.appendChild(actorLink(r.s)); tr.appendChild(s);
      var rel = el("td"); var b = el("span", "rel", r.r); b.style.background = colors[r.f] || "#666"; rel.appendChild(b); tr.appendChild(rel);
      var t = el("td"); t.appendChild(actorLink(r.t)); tr.appendChild(t);
      tr.appendChild(evidenceCell(r));
      tr.appendChild(docCell(r));
      frag.appendChild(tr);
    });
    body.replaceChildren(frag);
    var more = $("more");
    var left = list.length - Math.min(list.length, state.shown);
    more.hidden = left <= 0;
    more.textContent = "Show " + Math.min(PAGE, left) + " more (" + left + " not shown)";
  }

  function renderTimeline(list) {
    var counts = {};
    list.forEach(function (r) { if (r.date.length >= 7) { var m = r.date.slice(0, 7); counts[m] = (counts[m] || 0) + 1; } });
    var months = Object.keys(counts).sort();
    var box = $("timeline");
    box.replaceChildren();
    if (!months.length) return;
    // Every month between the first and the last, so gaps show as gaps.
    var all = [], y = +months[0].slice(0, 4), m = +months[0].slice(5, 7);
    var last = months[months.length - 1];
    while (true) {
      var key = y + "-" + (m < 10 ? "0" : "") + m;
      all.push(key);
      if (key >= last || all.length > 600) break;
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    var max = 0; all.forEach(function (k) { max = Math.max(max, counts[k] || 0); });
    var NS = "http://www.w3.org/2000/svg", W = 1000, H = 90, bw = W / all.length;
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("preserveAspectRatio", "none");
    all.forEach(function (k, i) {
      var c = counts[k] || 0, h = max ? (H - 30) * c / max : 0;
      var r = document.createElementNS(NS, "rect");
      r.setAttribute("class", "bar");
      r.setAttribute("x", i * bw + 0.5); r.setAttribute("width", Math.max(bw - 1, 0.5));
      r.setAttribute("y", H - 14 - h); r.setAttribute("height", h);
      var tt = document.createElementNS(NS, "title"); tt.textContent = k + ": " + c + " statements";
      r.appendChild(tt);
      r.addEventListener("click", function () { setMonth(k); });
      svg.appendChild(r);
    });
    [all[0], all[all.length - 1]].forEach(function (k, i) {
      var tx = document.createElementNS(NS, "text");
      tx.setAttribute("x", i ? W - 2 : 2); tx.setAttribute("y", H - 2);
      tx.setAttribute("text-anchor", i ? "end" : "start");
      tx.textContent = k;
      svg.appendChild(tx);
    });
    var peak = document.createElementNS(NS, "text");
    peak.setAttribute("x", 2); peak.setAttribute("y", 10);
    peak.textContent = "statements per month (max " + max + ")";
    svg.appendChild(peak);
    box.appendChild(svg);
  }

  function setMonth(k) {
    state.since = k + "-01"; state.until = k;
    $("f-since").value = state.since;
    var y = +k.slice(0, 4), m = +k.slice(5, 7);
    $("f-until").value = k + "-" + String(new Date(y, m, 0).getDate()).padStart(2, "0");
    state.shown = PAGE; update();
  }

  function renderSelection(list) {
    var box = $("selection");
    box.replaceChildren();
    box.className = "";
    if (state.actor === null && state.edge === null && state.pair === null) return;
    box.className = "on";
    if (state.actor === -2) {
      box.textContent = "No actor matches “" + $("f-actor").value + "”.";
      return;
    }
    if (state.pair !== null) {
      box.appendChild(el("strong", null, actorName(state.pair[0]) + " \u2192 " + actorName(state.pair[1])));
      box.appendChild(document.createTextNode(" \u2014 " + list.length + " statements"));
    } else if (state.edge !== null) {
      var e = edges[state.edge];
      box.appendChild(el("strong", null, actorName(e.s) + " " + e.r + " " + actorName(e.t)));
      box.appendChild(document.createTextNode(" — " + list.length + " statements"));
    } else {
      var a = actors[state.actor];
      box.appendChild(el("strong", null, a.name));
      box.appendChild(document.createTextNode(" (" + a.kind + (a.country ? ", " + a.country : "") + ", id " + a.id + "): "));
      var made = list.filter(function (r) { return r.s === state.actor; }).length;
      box.appendChild(document.createTextNode(made + " statements made, " + (list.length - made) + " received"));
    }
    var x = el("button", null, "×"); x.type = "button"; x.title = "Clear the selection"; x.style.marginLeft = "8px";
    x.addEventListener("click", function () { select(null, null, null); });
    box.appendChild(x);
  }

  // Diagram ids: "actor:ID", "edge:SOURCE|RELATION|TARGET", "pair:SOURCE|TARGET".
  function domParts(id) {
    var i = id.indexOf(":");
    return { kind: id.slice(0, i), parts: id.slice(i + 1).split("|") };
  }

  function highlightDiagram() {
    var svg = document.querySelector("#diagram svg");
    if (!svg || state.actor === -2) return;
    var want = null, focus = null;
    if (state.actor !== null) { want = "actor:" + actors[state.actor].id; focus = actors[state.actor].id; }
    if (state.edge !== null) { var e = edges[state.edge]; want = "edge:" + actors[e.s].id + "|" + e.r + "|" + (e.t < 0 ? "" : actors[e.t].id); }
    if (state.pair !== null) want = "pair:" + actors[state.pair[0]].id + "|" + actors[state.pair[1]].id;
    svg.querySelectorAll("g.node, g.edge").forEach(function (g) {
      var on = want !== null && g.id === want;
      g.classList.toggle("selected", on);
      var d = domParts(g.id || "");
      var touches = focus !== null && (d.parts[0] === focus || d.parts[d.parts.length - 1] === focus);
      var dim = want !== null && !on && g.classList.contains("edge") && !touches;
      g.classList.toggle("dim", dim);
    });
  }

  function update() {
    var list = rows.filter(matches);
    var nEdges = {}; list.forEach(function (r) { nEdges[r.e] = 1; });
    $("count").textContent = list.length + " of " + rows.length + " statements (" + Object.keys(nEdges).length + " edges)";
    renderSelection(list);
    renderTimeline(list);
    renderTable(list);
    highlightDiagram();
  }

  function select(actor, edge, pair) {
    state.actor = actor; state.edge = edge; state.pair = pair || null; state.shown = PAGE;
    $("f-actor").value = actor === null ? "" : actors[actor].name;
    update();
  }

  function actorFromInput(v) {
    v = v.trim().toLowerCase();
    if (!v) return null;
    for (var i = 0; i < actors.length; i++) {
      if (actors[i].name.toLowerCase() === v || actors[i].id.toLowerCase() === v) return i;
    }
    return -2; // nothing matches: the table says so by showing nothing
  }

  function edgeFromDom(id) {
    var p = id.slice(5).split("|");
    for (var i = 0; i < edges.length; i++) {
      var e = edges[i];
      if (actors[e.s].id === p[0] && e.r === p[1] && (e.t < 0 ? "" : actors[e.t].id) === p[2]) return i;
    }
    return null;
  }

  // Wiring.
  var fam = $("f-family");
  data.families.forEach(function (f) { var o = el("option", null, f[0]); o.value = f[0]; fam.appendChild(o); });
  var names = $("actor-names");
  actors.forEach(function (a) { var o = el("option"); o.value = a.name; names.appendChild(o); });
  $("f-actor").addEventListener("change", function () {
    var i = actorFromInput(this.value);
    state.actor = i; state.edge = null; state.pair = null; state.shown = PAGE; update();
  });
  fam.addEventListener("change", function () { state.family = this.value; state.shown = PAGE; update(); });
  $("f-since").addEventListener("change", function () { state.since = this.value; state.shown = PAGE; update(); });
  $("f-until").addEventListener("change", function () { state.until = this.value; state.shown = PAGE; update(); });
  var timer = null;
  $("f-text").addEventListener("input", function () {
    var v = this.value.trim().toLowerCase();
    clearTimeout(timer);
    timer = setTimeout(function () { state.text = v; state.shown = PAGE; update(); }, 150);
  });
  $("f-clear").addEventListener("click", function () {
    ["f-actor", "f-since", "f-until", "f-text"].forEach(function (k) { $(k).value = ""; });
    fam.value = "";
    state = { actor: null, edge: null, pair: null, family: "", since: "", until: "", text: "", shown: PAGE };
    update();
  });
  $("more").addEventListener("click", function () { state.shown += PAGE; update(); });
  document.querySelector("#statements tbody").addEventListener("click", function (ev) {
    var a = ev.target.closest("a.actor");
    if (a) { ev.preventDefault(); select(+a.dataset.actor, null, null); }
  });
  $("diagram").addEventListener("click", function (ev) {
    var g = ev.target.closest("g.node, g.edge");
    if (!g || !g.id) return;
    ev.preventDefault();
    var d = domParts(g.id);
    if (d.kind === "actor") {
      var i = byId[d.parts[0]];
      if (i !== undefined) select(i, null, null);
    } else if (d.kind === "edge") {
      var e = edgeFromDom(g.id);
      if (e !== null) select(null, e, null);
    } else if (d.kind === "pair" && byId[d.parts[0]] !== undefined && byId[d.parts[1]] !== undefined) {
      select(null, null, [byId[d.parts[0]], byId[d.parts[1]]]);
    }
  });
  var zoom = 1, svg = document.querySelector("#diagram svg");
  var baseW = svg ? svg.getBoundingClientRect().width : 0;
  function applyZoom() { if (svg && baseW) { svg.style.width = (baseW * zoom) + "px"; svg.style.height = "auto"; } }
  function fit() {
    if (!svg || !baseW) return;
    zoom = Math.min(1, ($("diagram").clientWidth - 4) / baseW); applyZoom();
  }
  $("zoom-in").addEventListener("click", function () { zoom *= 1.25; applyZoom(); });
  $("zoom-out").addEventListener("click", function () { zoom /= 1.25; applyZoom(); });
  $("zoom-fit").addEventListener("click", fit);
  fit();

  $("summary").textContent = data.summary;
  update();
  window.dipgraphLoadMs = performance.now() - t0;
  document.documentElement.dataset.ready = "1";
})();
