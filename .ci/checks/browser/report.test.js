// Drives Debian's Chromium with Playwright over dipgraph's HTML report: loads the page,
// clicks an actor in the diagram and checks its evidence appears in the table, clicks an
// arrow, filters by family, and measures how long large reports take to become usable.
// Usage: node report.test.js SAMPLES.html [LARGE.html ...] [--screenshot PNG]
"use strict";
const { chromium } = require("playwright-core");

const args = process.argv.slice(2);
const shot = args.includes("--screenshot") ? args.splice(args.indexOf("--screenshot"), 2)[1] : null;
const [samples, ...large] = args;
const BUDGET_MS = 10000; // a report that takes longer than this to become usable is a failure
let failures = 0;
const check = (ok, what) => { console.log(`   ${ok ? "ok" : "FAIL"}: ${what}`); if (!ok) failures++; };

async function open(browser, file) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const requests = [];
  page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
  const t0 = Date.now();
  await page.goto("file://" + require("path").resolve(file));
  await page.waitForSelector("html[data-ready='1']", { timeout: 60000 });
  const wall = Date.now() - t0;
  const script = await page.evaluate(() => window.dipgraphLoadMs);
  return { page, errors, requests, wall, script };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    console.log(`-- ${samples}`);
    const { page, errors, requests, wall } = await open(browser, samples);
    check(requests.length === 0, `no network request (${requests.length})`);
    console.log(`   loaded in ${wall} ms`);
    const total = await page.textContent("#count");
    console.log(`   table: ${total}`);
    // Click Russia in the diagram: the table shows its statements, cue highlighted.
    await page.click("#diagram g[id='actor:RUS']");
    const sel = await page.textContent("#selection");
    console.log(`   selection: ${sel.trim()}`);
    check(sel.includes("Russia"), "clicking the actor selects it");
    const rows = await page.$$eval("#statements tbody tr", (trs) => trs.map((tr) => ({
      actors: [tr.cells[1].textContent, tr.cells[3].textContent],
      evidence: tr.cells[4].textContent, mark: tr.cells[4].querySelector("mark")?.textContent,
      doc: tr.cells[5].textContent, date: tr.cells[0].textContent })));
    console.log(`   ${rows.length} rows, e.g. [${rows[0]?.date}] ${rows[0]?.evidence} (cue: ${rows[0]?.mark}; ${rows[0]?.doc})`);
    check(rows.length > 0 && rows.every((r) => r.actors.includes("Russia") || r.actors.some((a) => /Russia|Kremlin|Moscow/.test(a))), "every row involves the actor");
    check(rows.some((r) => r.evidence.includes("condemned Moscow")), "its evidence sentence appears");
    check(rows.every((r) => r.mark), "the cue is highlighted in every row");
    const dimmed = await page.$$eval("#diagram g.edge.dim", (g) => g.length);
    check(dimmed > 0, `edges not involving the actor are dimmed (${dimmed})`);
    // Click an arrow: only that edge's statements.
    const edgeId = await page.$eval("#diagram g.edge[id^='edge:']", (g) => g.id);
    // Graphviz puts the label in the arrow's group, where nothing covers it; the built-in
    // layout draws labels apart, so its arrow gets the click event itself.
    const edgeSel0 = `#diagram g[id="${edgeId}"]`;
    if (await page.$(`${edgeSel0} text`)) await page.click(`${edgeSel0} text`);
    else await page.dispatchEvent(`${edgeSel0} path`, "click");
    const edgeRows = await page.$$eval("#statements tbody tr", (trs) => trs.length);
    const edgeSel = await page.textContent("#selection");
    console.log(`   clicked ${edgeId}: ${edgeSel.trim()}`);
    const [, src, rel] = edgeId.split(/[:|]/);
    check(edgeRows > 0 && edgeSel.includes(" " + rel + " ") && !edgeSel.includes("received"), `clicking an arrow shows its statements (${src} ${rel})`);
    // Filters: family and an actor that matches nothing.
    await page.click("#f-clear");
    await page.selectOption("#f-family", "approve");
    const fam = await page.$$eval("#statements tbody tr td:nth-child(3)", (tds) => tds.map((t) => t.textContent));
    check(fam.length > 0 && fam.every((r) => r === "praises" || r === "supports"), `family filter (${fam.length} rows)`);
    const bars = await page.$$eval("#timeline rect.bar", (r) => r.length);
    check(bars > 0, `timeline of the selection (${bars} months)`);
    await page.fill("#f-actor", "Narnia");
    await page.press("#f-actor", "Enter");
    await page.dispatchEvent("#f-actor", "change");
    const none = await page.textContent("#selection");
    check(none.includes("No actor matches"), "an unknown actor says so");
    await page.click("#f-clear");
    check(errors.length === 0, `no script error (${errors.join("; ")})`);
    if (shot) {
      await page.click("#diagram g[id='actor:RUS']");
      await page.screenshot({ path: shot, fullPage: false });
      console.log(`   screenshot: ${shot}`);
    }
    await page.close();
    for (const file of large) {
      console.log(`-- ${file}`);
      const r = await open(browser, file);
      const count = await r.page.textContent("#count");
      console.log(`   ${count}`);
      console.log(`   load time: ${r.wall} ms to usable (page script ${Math.round(r.script)} ms)`);
      check(r.wall < BUDGET_MS, `usable within ${BUDGET_MS} ms`);
      const t1 = Date.now();
      const node = await r.page.$eval("#diagram g.node", (g) => g.id);
      await r.page.click(`#diagram g[id="${node}"]`);
      await r.page.waitForFunction(() => document.querySelector("#selection").classList.contains("on"));
      console.log(`   click on ${node}: ${Date.now() - t1} ms, ${await r.page.textContent("#count")}`);
      const t2 = Date.now();
      await r.page.fill("#f-text", "sanctions");
      await r.page.waitForFunction(() => /of/.test(document.querySelector("#count").textContent) && document.querySelectorAll("#statements tbody tr").length <= 200);
      console.log(`   text filter: ${Date.now() - t2} ms`);
      check(r.errors.length === 0, `no script error (${r.errors.join("; ")})`);
      await r.page.close();
    }
  } finally {
    await browser.close();
  }
  if (failures) { console.log(`browser: ${failures} check(s) failed`); process.exit(1); }
  console.log("browser: passed");
})().catch((e) => { console.log("browser: FAIL:", e.message); process.exit(1); });
