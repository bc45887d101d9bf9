// Scalewise dashboard: reads only the HTTP API (one folder up from /api/dashboard/), re-reads it every few seconds.
'use strict';

const RefreshMs = 4000;
const PageSize = 50;
const view = document.getElementById('view');
const state = { fleet: { stack: [], skipToken: null, filter: '' }, procedures: { status: 'all' }, policies: { id: null, a: null, b: null }, charts: [] };
const key = new URLSearchParams(location.search).get('code');

function apiUrl(path, params) {
  const query = new URLSearchParams(params || {});
  if (key) query.set('code', key);
  const text = query.toString();
  return '../' + path + (text ? '?' + text : '');
}

async function api(path, params, init) {
  const response = await fetch(apiUrl(path, params), init);
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((body && (body.detail || body.title)) || response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

const post = (path, body) => api(path, null, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const time = iso => iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) : '';
const short = iso => iso ? new Date(iso).toISOString().slice(11, 16) : '';
const badge = status => el('span', { class: 'badge ' + status }, status);
const targetLink = id => el('a', { href: '#/target/' + encodeURIComponent(id) }, id);
const isScaleSet = t => t.kind === 'VirtualMachineScaleSet';

function notice(text) {
  const box = document.getElementById('notice');
  box.hidden = !text;
  box.textContent = text || '';
}

function show(name, ...content) {
  for (const chart of state.charts) chart.destroy();
  state.charts = [];
  view.replaceChildren(...content);
  view.dataset.view = name;
  view.dataset.state = 'ready';
  document.querySelectorAll('header nav a').forEach(a => a.classList.toggle('active', a.dataset.view === name || (name === 'target' && a.dataset.view === 'fleet')));
  document.getElementById('refreshed').textContent = 'updated ' + new Date().toLocaleTimeString();
}

// Fleet: one page of targets at a time (the API pages with top/skipToken), filtered by id or kind on the page.
async function fleet() {
  const f = state.fleet;
  const page = await api('targets', f.skipToken ? { top: PageSize, skipToken: f.skipToken } : { top: PageSize });
  const words = f.filter.toLowerCase();
  const rows = page.value
    .filter(t => !words || (t.id + ' ' + t.kind + ' ' + t.mode).toLowerCase().includes(words))
    .map(t => {
      const width = t.capacity === null || t.capacity === undefined || t.maximum <= 0 ? 0 : Math.min(100, 100 * t.capacity / t.maximum);
      const d = t.lastDecision;
      const p = t.runningProcedure;
      return el('tr', { 'data-target': t.id },
        el('td', null, targetLink(t.id)),
        el('td', null, t.kind),
        el('td', null, t.mode),
        el('td', { class: 'capacity' }, isScaleSet(t)
          ? [t.capacity ?? '–', el('span', { class: 'bar', title: `${t.minimum} to ${t.maximum}` }, el('span', { style: `width:${width}%` }))]
          : (t.sku ?? el('span', { class: 'muted', title: 'not read yet' }, '–'))),
        el('td', null, `${t.minimum}–${t.maximum}`),
        el('td', null, d ? [badge(d.outcome), ' ', el('span', { class: 'muted' }, short(d.decidedAt)), ' ', d.reason] : el('span', { class: 'muted' }, 'none yet')),
        el('td', null, p ? [badge(p.status), ' ', p.name] : ''));
    });
  const filter = el('input', { type: 'search', placeholder: 'filter this page by id, kind or mode', value: f.filter, id: 'fleet-filter' });
  filter.addEventListener('input', () => { f.filter = filter.value; render(); });
  const previous = el('button', { disabled: f.stack.length === 0, onclick: () => { f.skipToken = f.stack.pop() ?? null; render(); } }, '‹ Previous');
  const next = el('button', {
    disabled: !page.nextLink,
    onclick: () => { f.stack.push(f.skipToken); f.skipToken = new URL(page.nextLink, location.href).searchParams.get('skipToken'); render(); },
  }, 'Next ›');
  show('fleet',
    el('h2', null, 'Fleet'),
    el('div', { class: 'toolbar' }, filter, previous, next, el('span', { class: 'muted' }, `${page.value.length} targets on this page, ${PageSize} a page`)),
    el('table', { id: 'fleet' },
      el('thead', null, el('tr', null, ['Target', 'Kind', 'Mode', 'Capacity / SKU', 'Bounds', 'Last decision', 'Running procedure'].map(h => el('th', null, h)))),
      el('tbody', null, rows)));
  const focused = document.getElementById('fleet-filter');
  if (f.filter) { focused.focus(); focused.setSelectionRange(f.filter.length, f.filter.length); }
}

// Target: the timeline (capacity, readings and thresholds, decisions and procedures; forecast against demand) and the decision log.
async function target(id) {
  const [timeline, history] = await Promise.all([api(`targets/${encodeURIComponent(id)}/timeline`), api(`targets/${encodeURIComponent(id)}/history`)]);
  const vertical = timeline.kind !== 'VirtualMachineScaleSet';
  const skus = [...new Set(timeline.capacity.map(p => p.sku).filter(Boolean))];
  const level = p => vertical ? skus.indexOf(p.sku) : p.capacity;
  const last = timeline.capacity[timeline.capacity.length - 1];
  const now = last ? (vertical ? last.sku : last.capacity) : 'unknown';
  const at = iso => new Date(iso).getTime();
  const capacityAt = when => {
    let value = null;
    for (const p of timeline.capacity) if (at(p.at) <= when) value = level(p);
    return value ?? (timeline.capacity.length ? level(timeline.capacity[0]) : 0);
  };
  const capacityCanvas = el('canvas', { id: 'capacity-chart' });
  const demandCanvas = el('canvas', { id: 'demand-chart' });
  const scale = el('form', { class: 'toolbar', id: 'scale-form' },
    el('label', null, vertical ? 'Move to SKU ' : 'Scale to ', el('input', { name: 'value', id: 'scale-value', size: 12, required: true })),
    el('button', { type: 'submit' }, 'Scale by hand'),
    el('span', { id: 'scale-result', class: 'muted' }));
  scale.addEventListener('submit', async event => {
    event.preventDefault();
    const value = scale.elements.value.value.trim();
    const body = vertical ? { sku: value, reason: 'dashboard' } : { capacity: Number(value), reason: 'dashboard' };
    try {
      const started = await post(`targets/${encodeURIComponent(id)}/scale`, body);
      document.getElementById('scale-result').textContent = 'started ' + (started.id || '');
    } catch (error) {
      document.getElementById('scale-result').textContent = error.message;
    }
  });
  const decisions = history.decisions.map(d => el('tr', null,
    el('td', null, time(d.decidedAt)), el('td', null, d.kind), el('td', null, badge(d.outcome)),
    el('td', null, d.newSku ? `${d.currentSku ?? ''} → ${d.newSku}` : `${d.currentCapacity} → ${d.newCapacity}`),
    el('td', null, d.reason),
    el('td', { class: 'muted' }, (d.evaluations || []).map(e => `${e.ruleName}: ${e.metricName} ${e.observed ?? 'no data'} ${e.operator} ${e.threshold}${e.fired ? ' (fired)' : ''}`).join('; '))));
  show('target',
    el('h2', null, 'Target ', id, ' ', el('span', { class: 'muted' }, timeline.kind)),
    el('p', null, vertical ? 'SKU now: ' : 'Capacity now: ', el('strong', { id: 'capacity-now', 'data-value': now }, now),
      el('span', { class: 'muted' }, `  bounds ${timeline.minimum}–${timeline.maximum} · ${time(timeline.from)} to ${time(timeline.to)} (UTC, the host's clock)`)),
    scale,
    el('div', { class: 'charts' }, el('div', { class: 'chart' }, capacityCanvas), el('div', { class: 'chart' }, demandCanvas)),
    el('h3', null, 'Decision log'),
    el('table', { id: 'decisions' }, el('thead', null, el('tr', null, ['Time', 'Kind', 'Outcome', 'Move', 'Reason', 'Rules'].map(h => el('th', null, h)))), el('tbody', null, decisions)));
  if (typeof Chart === 'undefined') {
    notice('Chart.js is missing: run `npm ci` in the repository and build again. The tables still work.');
    return;
  }
  const range = { min: at(timeline.from), max: at(timeline.to) };
  const axisX = { type: 'linear', ...range, ticks: { callback: v => new Date(v).toISOString().slice(11, 16), maxTicksLimit: 12 } };
  const metrics = [...new Set(timeline.metrics.map(m => m.metric))];
  const rules = [...new Map(timeline.metrics.map(m => [m.rule, m])).values()];
  const colours = ['#cf222e', '#8250df', '#bf8700', '#1a7f37', '#0969da'];
  const capacityPoints = timeline.capacity.map(p => ({ x: at(p.at), y: level(p) }));
  capacityCanvas.dataset.lastCapacity = String(now);
  capacityCanvas.dataset.capacities = timeline.capacity.map(p => vertical ? p.sku : p.capacity).join(',');
  state.charts.push(new Chart(capacityCanvas, {
    type: 'line',
    data: {
      datasets: [
        { label: vertical ? 'SKU' : 'capacity', data: capacityPoints, stepped: 'after', borderColor: '#0969da', backgroundColor: '#0969da', yAxisID: 'y' },
        ...metrics.map((name, i) => ({ label: name, type: 'scatter', data: timeline.metrics.filter(m => m.metric === name && m.observed !== null).map(m => ({ x: at(m.at), y: m.observed })), borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], yAxisID: 'y2' })),
        ...rules.map((r, i) => ({ label: `${r.rule} threshold (${r.operator} ${r.threshold})`, data: [{ x: range.min, y: r.threshold }, { x: range.max, y: r.threshold }], borderDash: [6, 4], borderWidth: 1, pointRadius: 0, borderColor: colours[(metrics.indexOf(r.metric) + i) % colours.length], yAxisID: 'y2' })),
        { label: 'decisions', type: 'scatter', data: timeline.markers.filter(m => m.type === 'decision').map(m => ({ x: at(m.at), y: capacityAt(at(m.at)), text: `${m.kind} ${m.outcome}: ${m.text}` })), pointStyle: 'triangle', pointRadius: 7, backgroundColor: '#bf8700', yAxisID: 'y' },
        { label: 'procedures', type: 'scatter', data: timeline.markers.filter(m => m.type === 'procedure').map(m => ({ x: at(m.at), y: capacityAt(at(m.at)), text: `${m.instanceId} ${m.outcome}: ${m.text}` })), pointStyle: 'rectRot', pointRadius: 8, backgroundColor: '#1a7f37', yAxisID: 'y' },
      ],
    },
    options: {
      animation: false, maintainAspectRatio: false, parsing: true,
      scales: {
        x: axisX,
        y: { position: 'left', title: { display: true, text: vertical ? 'SKU' : 'instances' }, beginAtZero: !vertical, ticks: vertical ? { stepSize: 1, callback: v => skus[v] ?? '' } : { precision: 0 } },
        y2: { position: 'right', display: metrics.length > 0, title: { display: true, text: 'metric' }, grid: { drawOnChartArea: false } },
      },
      plugins: { title: { display: true, text: 'Capacity, driving metrics and thresholds, decisions and procedures' }, tooltip: { callbacks: { label: c => c.raw.text || `${c.dataset.label}: ${vertical && c.dataset.yAxisID === 'y' ? skus[c.raw.y] : c.raw.y}` } } },
    },
  }));
  state.charts.push(new Chart(demandCanvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'forecast demand', data: timeline.forecast.map(p => ({ x: at(p.hour), y: p.demand })), borderColor: '#8250df', borderDash: [4, 3] },
        { label: 'observed demand', data: timeline.demand.map(p => ({ x: at(p.hour), y: p.demand })), borderColor: '#1b1f24' },
      ],
    },
    options: { animation: false, maintainAspectRatio: false, scales: { x: axisX }, plugins: { title: { display: true, text: timeline.forecast.length || timeline.demand.length ? 'Forecast against observed demand (hourly)' : 'No forecast stored for this target (its policy has no predictive settings, or none was made yet)' } } },
  }));
}

// Procedures: running and recent, each step with its time and result; approve or reject those waiting.
async function procedures() {
  const p = state.procedures;
  const list = await api('procedures', { status: p.status });
  const filter = el('select', { id: 'procedure-status' }, ['all', 'running', 'waiting', 'ended', 'succeeded', 'failed', 'rolledBack', 'rejected', 'cancelled'].map(s => el('option', { value: s, selected: s === p.status }, s)));
  filter.addEventListener('change', () => { p.status = filter.value; render(); });
  const answer = (id, approve) => async () => {
    try {
      await post(`procedures/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`, { by: 'dashboard', comment: approve ? 'approved on the dashboard' : 'rejected on the dashboard' });
      notice(`${approve ? 'Approved' : 'Rejected'} ${id}.`);
    } catch (error) {
      notice(`Could not answer ${id}: ${error.message}`);
    }
    render();
  };
  const rows = list.value.map(item => el('tr', { 'data-instance': item.instanceId, 'data-status': item.status },
    el('td', null, time(item.startedAt)),
    el('td', null, targetLink(item.target)),
    el('td', null, item.kind),
    el('td', null, badge(item.status), item.step ? el('div', { class: 'muted' }, `${item.step}: ${item.detail ?? ''}`) : null),
    el('td', null, item.toSku ? `${item.fromSku ?? ''} → ${item.toSku}` : `${item.fromCapacity || '?'} → ${item.toCapacity}`, el('div', { class: 'muted' }, item.reason)),
    el('td', null, el('ol', { class: 'steps' }, item.steps.map(s => el('li', null, el('strong', null, s.name), ` ${short(s.startedAt)}–${short(s.endedAt)} `, s.result))), item.error ? el('div', { class: 'muted' }, item.error) : null),
    el('td', null, el('a', { href: item.links.statusQueryGetUri, target: '_blank' }, 'status')),
    el('td', null, item.status === 'WaitingForApproval'
      ? [el('button', { class: 'approve', 'data-instance': item.instanceId, onclick: answer(item.instanceId, true) }, 'Approve'), ' ', el('button', { class: 'reject', 'data-instance': item.instanceId, onclick: answer(item.instanceId, false) }, 'Reject')]
      : '')));
  show('procedures',
    el('h2', null, 'Procedures'),
    el('div', { class: 'toolbar' }, el('label', null, 'Status ', filter), el('span', { class: 'muted' }, `${list.value.length} procedures, newest first`)),
    el('table', { id: 'procedures' }, el('thead', null, el('tr', null, ['Started', 'Target', 'Kind', 'Status', 'Move', 'Steps', 'Links', ''].map(h => el('th', null, h)))), el('tbody', null, rows)));
}

// A line diff (longest common subsequence) of two JSON documents.
function diff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const lines = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { lines.push(el('span', null, '  ' + a[i] + '\n')); i++; j++; }
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) lines.push(el('span', { class: 'del' }, '- ' + a[i++]));
    else lines.push(el('span', { class: 'add' }, '+ ' + b[j++]));
  }
  return el('pre', { class: 'diff', id: 'policy-diff' }, lines);
}

// Policies: the documents, each one's versions, and what changed between two of them.
async function policies() {
  const s = state.policies;
  const list = await api('policies');
  s.id = s.id && list.value.some(p => p.id === s.id) ? s.id : (list.value[0] && list.value[0].id);
  const items = list.value.map(p => el('li', null, el('a', { href: '#/policies', 'data-policy': p.id, onclick: () => { s.id = p.id; s.a = s.b = null; render(); } }, p.id === s.id ? el('strong', null, p.id) : p.id)));
  const content = [];
  if (s.id) {
    const versions = (await api(`policies/${encodeURIComponent(s.id)}/versions`)).value;
    const json = v => JSON.stringify(v.policy, null, 2);
    s.a = s.a !== null && s.a < versions.length ? s.a : Math.min(1, versions.length - 1);
    s.b = s.b !== null && s.b < versions.length ? s.b : 0;
    const pick = (name, chosen) => {
      const select = el('select', { id: 'version-' + name }, versions.map((v, i) => el('option', { value: i, selected: i === chosen }, `${time(v.lastModified)} (${v.eTag ?? v.etag})`)));
      select.addEventListener('change', () => { s[name] = Number(select.value); render(); });
      return select;
    };
    content.push(el('h3', null, s.id, ` · ${versions.length} version${versions.length === 1 ? '' : 's'}`));
    content.push(el('div', { class: 'toolbar' }, 'Compare ', pick('a', s.a), ' with ', pick('b', s.b)));
    content.push(versions.length > 1 ? diff(json(versions[s.a]), json(versions[s.b])) : el('p', { class: 'muted' }, 'One version only: nothing to compare yet.'));
    content.push(el('h3', null, 'Current document'), el('pre', { id: 'policy-document' }, json(list.value.find(p => p.id === s.id))));
  }
  show('policies', el('h2', null, 'Policies'), el('div', { class: 'grid2' }, el('ul', { class: 'plain', id: 'policy-list' }, items), el('div', null, content)));
}

let rendering = false;
async function render() {
  if (rendering) return;
  rendering = true;
  const [name, argument] = location.hash.replace(/^#\//, '').split('/');
  try {
    if (name === 'target' && argument) await target(decodeURIComponent(argument));
    else if (name === 'procedures') await procedures();
    else if (name === 'policies') await policies();
    else await fleet();
    if (document.getElementById('notice').textContent.startsWith('The API answered')) notice('');
  } catch (error) {
    notice(`The API answered: ${error.message}`);
    view.dataset.state = 'error';
  } finally {
    rendering = false;
  }
}

window.addEventListener('hashchange', () => { view.dataset.state = 'loading'; render(); });
setInterval(() => { if (!document.hidden && document.activeElement?.tagName !== 'INPUT' && document.activeElement?.tagName !== 'SELECT') render(); }, RefreshMs);
render();
