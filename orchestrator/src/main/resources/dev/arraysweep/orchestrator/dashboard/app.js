// arraysweep dashboard: vanilla JS over the JSON of /api/ (docs/dashboard.md); charts by uPlot, served from the jar.
"use strict";
(function () {
  const POLL_MS = 2000;
  const PANELS = 12; // curve panels shown at first and added per "more"
  const METRICS = [
    ["accuracy", "Accuracy"], ["mean_loss", "Mean loss"], ["q90_loss", "Q=0.9 loss"], ["worst_loss", "Worst loss"],
    ["raw_batches_per_step", "Sampler: raw batches / step"], ["overflow_per_step", "Sampler: overflow / step"],
    ["trained_per_forwarded", "Sampler: trained / forwarded"], ["gpu_utilization", "GPU: utilisation %"],
    ["gpu_power_watts", "GPU: power W"], ["gpu_temperature", "GPU: temperature °C"],
    ["gpu_memory_used_bytes", "GPU: memory used (bytes)"]];
  const COLOURS = ["#1565c0", "#e65100", "#2e7d32", "#6a1b9a", "#00838f", "#ad1457", "#5d4037", "#9e9d24"];
  const $main = document.getElementById("main");
  const state = { sig: {}, view: null, sort: { col: 0, dir: 1 }, filter: "", selected: new Set(),
    curve: { metric: "accuracy", split: "test", x: "epoch", band: "minmax" }, curveSweep: null, panels: 0, curveDraw: 0,
    at: "final", charts: [] };

  const esc = s => String(s == null ? "" : s).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  const fmt = v => v == null ? "–" : typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : String(v);
  const clock = s => { if (s == null) return "–"; s = Math.round(s); return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`; };
  const enc = encodeURIComponent;

  async function api(path) {
    const r = await fetch("api/" + path, { credentials: "same-origin" });
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || ("HTTP " + r.status));
    return body;
  }

  function route() {
    const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent).filter(p => p !== "");
    if (parts[0] === "sweep" && parts[1]) return { kind: "sweep", sweep: parts[1], tab: parts[2] || "runs", extra: parts[3] };
    if (parts[0] === "run" && parts[1] && parts[2] != null) return { kind: "run", sweep: parts[1], index: +parts[2] };
    return { kind: "sweeps" };
  }

  function crumbs(v) {
    let h = "";
    if (v.sweep) h += `<a href="#/sweep/${enc(v.sweep)}">${esc(v.sweep)}</a>`;
    if (v.kind === "run") h += `<span>run ${v.index}</span>`;
    document.getElementById("crumbs").innerHTML = h;
  }

  function destroyCharts() { state.charts.forEach(c => c.destroy()); state.charts = []; }

  async function render(live) {
    const v = route();
    state.view = v;
    crumbs(v);
    try {
      if (v.kind === "sweeps") await renderSweeps();
      else if (v.kind === "run") await renderRun(v);
      else await renderSweep(v, live);
    } catch (e) {
      $main.innerHTML = `<pre class="error">${esc(e.message)}</pre>`;
    }
  }

  // ---- sweeps ----
  function sweepRow(s) {
    const pct = s.epochs_total ? Math.round(100 * s.epochs_done / s.epochs_total) : 0;
    const badges = Object.entries(s.counts).map(([k, n]) => `<span class="badge ${k}">${n} ${k}</span>`).join("");
    return `<tr class="clickable" data-href="#/sweep/${enc(s.name)}"><td>${esc(s.name)}</td><td>${badges}</td>
      <td><span class="bar"><span style="width:${pct}%"></span></span> ${pct}%</td>
      <td class="num">${s.epochs_done}/${s.epochs_total}</td><td class="num">${esc(s.eta)}</td></tr>`;
  }
  async function renderSweeps() {
    const d = await api("sweeps");
    destroyCharts();
    $main.innerHTML = `<h2>Sweeps</h2>` + (d.sweeps.length === 0
      ? `<p class="muted">no sweeps yet: <code>arraysweep expand sweeps/demo.yaml</code> stores one</p>`
      : `<table id="sweeps"><thead><tr><th>sweep</th><th>runs</th><th>progress</th><th>epochs</th><th>ETA</th></tr></thead>
         <tbody>${d.sweeps.map(sweepRow).join("")}</tbody></table>`);
    bindRowLinks();
  }
  function bindRowLinks() {
    $main.querySelectorAll("tr[data-href]").forEach(tr => tr.addEventListener("click", e => {
      if (e.target.tagName !== "INPUT") location.hash = tr.dataset.href;
    }));
  }

  // ---- one sweep ----
  function tabs(v) {
    const t = [["runs", "Runs"], ["curves", "Curves"], ["report", "Report"], ["compare", `Compare (${state.selected.size})`]];
    return `<div class="tabs">${t.map(([k, l]) => `<a href="#/sweep/${enc(v.sweep)}/${k}" class="${v.tab === k ? "on" : ""}">${l}</a>`).join("")}</div>`;
  }
  async function renderSweep(v, live) {
    if (state.selectedSweep !== v.sweep) { state.selected = new Set(); state.selectedSweep = v.sweep; }
    if (v.tab === "runs") return renderRuns(v, live);
    if (v.tab === "curves") return renderCurves(v);
    if (v.tab === "report") return renderReport(v);
    if (v.tab === "compare") return renderCompare(v);
  }

  async function renderRuns(v, live) {
    const d = await api(`sweeps/${enc(v.sweep)}/runs`);
    state.runs = d;
    if (!live || !document.getElementById("runs")) {
      destroyCharts();
      $main.innerHTML = `<h2>${esc(v.sweep)}</h2>${tabs(v)}
        <div class="controls"><input type="search" id="filter" placeholder="filter: words or key=value, e.g. state=failed lenet" value="${esc(state.filter)}">
        <span id="count" class="muted"></span></div>
        <div class="scroll"><table id="runs"><thead></thead><tbody></tbody></table></div>`;
      document.getElementById("filter").addEventListener("input", e => { state.filter = e.target.value; drawRuns(); });
    }
    drawRuns();
  }
  const RUN_HEAD = { index: "#", state: "state", epochs_done: "epochs", test_accuracy: "test acc", test_loss: "test loss",
    elapsed_seconds: "elapsed", eta_seconds: "eta", error: "error or stop" };
  function drawRuns() {
    const d = state.runs, v = state.view;
    const cols = d.columns.filter(c => c !== "epochs_total");
    const ci = Object.fromEntries(d.columns.map((c, i) => [c, i]));
    const terms = state.filter.toLowerCase().split(/\s+/).filter(t => t);
    let rows = d.rows.filter(r => terms.every(t => {
      const kv = t.split("=");
      if (kv.length === 2 && ci[kv[0]] != null) return String(r[ci[kv[0]]]).toLowerCase() === kv[1];
      return r.some(x => String(x).toLowerCase().includes(t));
    }));
    const sc = state.sort.col < d.columns.length ? state.sort.col : 0;
    rows = rows.slice().sort((a, b) => {
      const x = a[sc], y = b[sc];
      if (x == null) return 1; if (y == null) return -1;
      return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))) * state.sort.dir;
    });
    const table = document.getElementById("runs");
    table.tHead.innerHTML = `<tr><th></th>${cols.map(c => `<th data-col="${ci[c]}" class="${ci[c] === sc ? (state.sort.dir > 0 ? "sorted-asc" : "sorted-desc") : ""}">${esc(RUN_HEAD[c] || c)}</th>`).join("")}</tr>`;
    table.tBodies[0].innerHTML = rows.map(r => {
      const cells = cols.map(c => {
        const x = r[ci[c]];
        if (c === "epochs_done") return `<td class="num epochs">${x}/${r[ci.epochs_total]}</td>`;
        if (c === "state") return `<td class="state">${esc(x)}</td>`;
        if (c === "error") return `<td class="err">${esc(x)}</td>`;
        if (c === "elapsed_seconds" || c === "eta_seconds") return `<td class="num">${clock(x)}</td>`;
        return `<td class="${typeof x === "number" ? "num" : ""}">${esc(fmt(x))}</td>`;
      }).join("");
      const idx = r[ci.index];
      return `<tr class="clickable ${esc(r[ci.state])}" data-index="${idx}" data-href="#/run/${enc(v.sweep)}/${idx}">
        <td><input type="checkbox" data-pick="${idx}" ${state.selected.has(idx) ? "checked" : ""} title="compare"></td>${cells}</tr>`;
    }).join("");
    document.getElementById("count").textContent = `${rows.length} of ${d.rows.length} runs`;
    table.tHead.querySelectorAll("th[data-col]").forEach(th => th.addEventListener("click", () => {
      const c = +th.dataset.col;
      state.sort = { col: c, dir: state.sort.col === c ? -state.sort.dir : 1 };
      drawRuns();
    }));
    table.querySelectorAll("input[data-pick]").forEach(cb => cb.addEventListener("change", () => {
      const i = +cb.dataset.pick;
      cb.checked ? state.selected.add(i) : state.selected.delete(i);
      document.querySelector(".tabs a:last-child").textContent = `Compare (${state.selected.size})`;
    }));
    bindRowLinks();
  }

  function select(id, options, value) {
    return `<select id="${id}">${options.map(([k, l]) => `<option value="${k}" ${k === value ? "selected" : ""}>${esc(l)}</option>`).join("")}</select>`;
  }

  // the configurations first (light), then one panel per request for those shown; "more" shows the next PANELS
  async function renderCurves(v) {
    const c = state.curve;
    const mine = ++state.curveDraw; // a later draw (live, a control, "more") supersedes this one
    const d = await api(`sweeps/${enc(v.sweep)}/groups`);
    if (mine !== state.curveDraw) return;
    if (state.curveSweep !== v.sweep) { state.curveSweep = v.sweep; state.panels = PANELS; }
    destroyCharts();
    $main.innerHTML = `<h2>${esc(v.sweep)}</h2>${tabs(v)}
      <div class="controls">${select("metric", METRICS, c.metric)}
      ${select("split", [["test", "test"], ["train", "train"], ["ratio", "test / train"]], c.split)}
      ${select("x", [["epoch", "x: epoch"], ["wall", "x: wall-clock seconds"]], c.x)}
      ${select("band", [["minmax", "band: min–max over seeds"], ["std", "band: ±1 std over seeds"]], c.band)}</div>
      <div class="panels" id="panels"></div><p id="more-panels"></p>`;
    ["metric", "split", "x", "band"].forEach(k => document.getElementById(k).addEventListener("change", e => { state.curve[k] = e.target.value; renderCurves(v); }));
    const panels = document.getElementById("panels");
    if (d.groups.length === 0) { panels.innerHTML = `<p class="muted">no runs with metrics yet</p>`; return; }
    const shown = d.groups.slice(0, state.panels);
    const divs = shown.map(g => {
      const div = document.createElement("div");
      div.className = "panel";
      div.innerHTML = `<h4>${esc(g.label)} <span class="muted">(${g.seeds.length} seed${g.seeds.length === 1 ? "" : "s"})</span></h4>`;
      panels.appendChild(div);
      return div;
    });
    const more = document.getElementById("more-panels");
    if (d.groups.length > shown.length) {
      more.innerHTML = `<span class="muted">${shown.length} of ${d.groups.length} configurations</span> <button id="more">show ${Math.min(PANELS, d.groups.length - shown.length)} more</button>`;
      document.getElementById("more").addEventListener("click", () => { state.panels += PANELS; renderCurves(v); });
    }
    const title = METRICS.find(m => m[0] === c.metric)[1];
    const answers = await Promise.all(shown.map(g =>
      api(`sweeps/${enc(v.sweep)}/curves?group=${g.group}&metric=${c.metric}&split=${c.split}&x=${c.x}&band=${c.band}`)));
    if (mine !== state.curveDraw) return;
    answers.forEach((p, i) => {
      const lines = p.group.settings.map((s, j) => ({ label: s.label, archetype: s.archetype, colour: s.archetype ? "#222222" : COLOURS[j % COLOURS.length],
        x: s.x, mean: s.mean, low: s.low, high: s.high }));
      state.charts.push(chart(divs[i], lines, c.x === "wall" ? "wall-clock seconds" : "epoch", `${p.split} ${title}`));
    });
  }

  // lines: {label, colour, archetype, x, mean, low?, high?}; one uPlot with a band per line that has low/high
  function chart(el, lines, xLabel, yLabel) {
    const tables = lines.map(l => l.low ? [l.x, l.mean, l.low, l.high] : [l.x, l.mean]);
    const data = tables.length ? uPlot.join(tables) : [[]];
    const series = [{ label: xLabel }];
    const bands = [];
    lines.forEach(l => {
      const base = series.length;
      series.push({ label: l.label, stroke: l.colour, width: l.archetype ? 2.5 : 1.8, dash: l.archetype ? [6, 4] : undefined, spanGaps: true });
      if (l.low) {
        const edge = { stroke: l.colour + "00", width: 0, spanGaps: true, points: { show: false } };
        series.push(Object.assign({ label: l.label + " low" }, edge));
        series.push(Object.assign({ label: l.label + " high" }, edge));
        bands.push({ series: [base + 2, base + 1], fill: l.colour + "26" });
      }
    });
    const opts = { width: Math.min(640, Math.max(360, (window.innerWidth - 80) / 2)), height: 300, series, bands,
      scales: { x: { time: false } }, axes: [{ label: xLabel }, { label: yLabel }], legend: { show: false } };
    const u = new uPlot(opts, data, el);
    const legend = document.createElement("div");
    legend.className = "legend";
    legend.innerHTML = lines.map(l => `<span><i style="border-color:${l.colour};border-style:${l.archetype ? "dashed" : "solid"}"></i>${esc(l.label)}</span>`).join("");
    el.appendChild(legend);
    return u;
  }

  async function renderReport(v) {
    const at = state.at;
    const d = await api(`sweeps/${enc(v.sweep)}/report?at=${enc(at)}`);
    destroyCharts();
    const figs = ["test_accuracy", "test_mean_loss", "test_q90_loss", "test_worst_loss", "train_accuracy", "ratio_accuracy"];
    let h = `<h2>${esc(v.sweep)}</h2>${tabs(v)}<div class="controls">at ${select("at", [["final", "final epoch"], ["best", "best test accuracy"]], at)}
      <span class="muted">mean ± std over seeds; Δ: paired difference to the archetype with its 95% t-interval (seed 000)</span></div>`;
    (d.groups || []).forEach(g => {
      h += `<h3>${esc(g.label || g.group || "")}</h3><table class="report"><thead><tr><th>setting</th><th>runs</th>${figs.map(f => `<th>${f}</th><th>Δ ${f} [95% CI]</th>`).join("")}</tr></thead><tbody>`;
      (g.rows || g.settings || []).forEach(r => {
        h += `<tr><td>${esc(r.setting)}</td><td class="num">${(r.runs || []).length}</td>` + figs.map(f => {
          const s = r.figures[f] || {}, p = r.paired_difference && r.paired_difference[f];
          const ms = s.mean == null ? "–" : `${fmt(s.mean)} ± ${fmt(s.std)}`;
          const ps = !p ? "" : p.mean == null ? "–" : `${fmt(p.mean)} [${fmt(p.low)}, ${fmt(p.high)}] n=${p.n}`;
          return `<td class="num">${ms}</td><td class="num">${ps}</td>`;
        }).join("") + "</tr>";
      });
      h += `</tbody></table>` + (g.notes || []).map(n => `<p class="muted">${esc(n)}</p>`).join("");
    });
    $main.innerHTML = h;
    document.getElementById("at").addEventListener("change", e => { state.at = e.target.value; renderReport(v); });
  }

  async function renderCompare(v) {
    const picked = [...state.selected].sort((a, b) => a - b);
    destroyCharts();
    if (picked.length === 0) {
      $main.innerHTML = `<h2>${esc(v.sweep)}</h2>${tabs(v)}<p class="muted">tick runs in the run table to compare them here</p>`;
      return;
    }
    const runs = await Promise.all(picked.map(i => api(`runs/${enc(v.sweep)}/${i}`)));
    const c = state.curve;
    const keys = [...new Set(runs.flatMap(r => Object.keys(r.params)))].sort();
    const differ = keys.filter(k => new Set(runs.map(r => JSON.stringify(r.params[k]))).size > 1);
    $main.innerHTML = `<h2>${esc(v.sweep)}</h2>${tabs(v)}<div class="controls">${select("metric", METRICS, c.metric)}
      ${select("split", [["test", "test"], ["train", "train"]], c.split === "ratio" ? "test" : c.split)}</div>
      <div class="panels"><div class="panel" id="cmp"></div></div>
      <h3>Parameters that differ</h3><table><thead><tr><th>run</th><th>state</th>${differ.map(k => `<th>${esc(k)}</th>`).join("")}</tr></thead>
      <tbody>${runs.map(r => `<tr class="${esc(r.state)}"><td>${r.index}</td><td class="state">${esc(r.state)}</td>${differ.map(k => `<td>${esc(fmt(r.params[k]))}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
    ["metric", "split"].forEach(k => document.getElementById(k).addEventListener("change", e => { state.curve[k] = e.target.value; renderCompare(v); }));
    const split = c.split === "train" ? "train" : "test";
    const lines = runs.map((r, i) => {
      const col = r.epochs.columns.indexOf(c.metric), rows = r.epochs[split];
      return { label: `run ${r.index}`, colour: COLOURS[i % COLOURS.length], x: rows.map(x => x[0]), mean: rows.map(x => x[col]) };
    });
    state.charts.push(chart(document.getElementById("cmp"), lines, "epoch", `${split} ${c.metric}`));
  }

  // ---- one run ----
  async function renderRun(v) {
    const r = await api(`runs/${enc(v.sweep)}/${v.index}`);
    destroyCharts();
    const params = Object.entries(r.params).map(([k, x]) => `<tr><td>${esc(k)}</td><td>${esc(fmt(x))}</td></tr>`).join("");
    const events = r.events.map(e => `<tr><td>${e[0]}</td><td>${esc(e[1])}</td><td>${esc(e[2])}</td><td class="err">${esc(e[3])}</td></tr>`).join("");
    $main.innerHTML = `<h2 id="run-title" class="${esc(r.state)}">Run ${r.index} of ${esc(r.sweep)}: <span class="state-${esc(r.state)}">${esc(r.state)}</span>,
      ${r.epochs_done}/${r.epochs_total} epochs</h2>
      ${r.error ? `<pre class="error" id="run-error">${esc(r.error)}</pre>` : ""}
      ${r.stop_reason ? `<p class="muted">stopped early: ${esc(r.stop_reason)}</p>` : ""}
      <div class="grid2"><div><h3>Parameters</h3><table>${params}</table>
        <h3>Where</h3><table><tr><td>attempt</td><td>${r.attempt}</td></tr><tr><td>node</td><td>${esc(r.node)}</td></tr>
        <tr><td>slurm job</td><td>${esc(r.slurm_job_id)}</td></tr><tr><td>started</td><td>${esc(r.started_at)}</td></tr>
        <tr><td>ended</td><td>${esc(r.ended_at)}</td></tr><tr><td>heartbeat</td><td>${esc(r.heartbeat_at)}</td></tr></table></div>
      <div><div class="panels" id="run-panels"></div>
        <h3>Events</h3><table><thead><tr><th>attempt</th><th>kind</th><th>at</th><th>detail</th></tr></thead><tbody>${events}</tbody></table>
        <h3>Log ${r.log.path ? `<span class="muted">${esc(r.log.path)} (tail)</span>` : `<span class="muted">(none found)</span>`}</h3>
        <pre>${esc(r.log.tail)}</pre></div></div>`;
    const panels = document.getElementById("run-panels");
    [["accuracy", "accuracy"], ["mean_loss", "mean loss"]].forEach(([m, t]) => {
      const col = r.epochs.columns.indexOf(m);
      const div = document.createElement("div"); div.className = "panel"; panels.appendChild(div);
      const lines = [["train", "#e65100"], ["test", "#1565c0"]].map(([s, colour]) =>
        ({ label: s, colour, x: r.epochs[s].map(x => x[0]), mean: r.epochs[s].map(x => x[col]) }));
      state.charts.push(chart(div, lines.filter(l => l.x.length), "epoch", t));
    });
  }

  // ---- live: poll the sweeps; re-render the view when its sweep changed ----
  // each sweep's signature: epochs done and runs per state; a view is drawn after its signature was taken
  async function signatures(first) {
    const d = await api("sweeps");
    let changed = false;
    d.sweeps.forEach(s => {
      const sig = s.epochs_done + "|" + JSON.stringify(s.counts);
      if (!first && state.sig[s.name] !== sig && (state.view.kind === "sweeps" || state.view.sweep === s.name)) changed = true;
      state.sig[s.name] = sig;
    });
    return changed;
  }

  async function poll() {
    const live = document.getElementById("live");
    try {
      const changed = await signatures(false);
      live.className = ""; live.textContent = "live · " + new Date().toLocaleTimeString();
      if (changed && !(state.view.kind === "sweep" && state.view.tab === "compare")) await render(true);
    } catch (e) {
      live.className = "stale"; live.textContent = "not refreshing: " + e.message;
    }
    setTimeout(poll, POLL_MS);
  }

  window.addEventListener("hashchange", () => render(false));
  state.view = route();
  signatures(true).catch(() => null).then(() => render(false)).then(() => setTimeout(poll, POLL_MS));
})();
