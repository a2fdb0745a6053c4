// util.js - helpers of the dyad page: API calls and DOM building.
// Data never goes through innerHTML: elements are built with
// createElement and filled with textContent.
'use strict';

const dyad = window.dyad = {};

// GET /api/PATH with the given parameters (empty values dropped).
dyad.api = async function (path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const url = '/api/' + path + (q.toString() ? '?' + q : '');
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: 'bad response from the server' }));
  if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
  return body;
};

dyad.url = function (path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  return '/api/' + path + (q.toString() ? '?' + q : '');
};

// el('td', {className: 'num'}, 'text', childNode...)
dyad.el = function (tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
};

dyad.clear = function (node) {
  while (node.firstChild) node.removeChild(node.firstChild);
};

// The pieces of a sentence ([{text, kind}]) as highlighted spans.
dyad.segments = function (segments) {
  const p = dyad.el('p', { className: 'sentence' });
  for (const s of segments || []) {
    if (s.kind) p.appendChild(dyad.el('mark', { className: 'hl-' + s.kind, title: s.kind }, s.text));
    else p.appendChild(document.createTextNode(s.text));
  }
  return p;
};

dyad.quadColors = ['#9ca3af', '#86c98a', '#2f7d32', '#f59e0b', '#b91c1c'];

// Goldstein -10..10 as a red-grey-green colour.
dyad.goldsteinColor = function (g, alpha) {
  const t = Math.max(-1, Math.min(1, (g || 0) / 10));
  const a = alpha === undefined ? 1 : alpha;
  if (t >= 0) return `rgba(${Math.round(150 - 110 * t)},${Math.round(150 + 20 * t)},${Math.round(150 - 100 * t)},${a})`;
  return `rgba(${Math.round(150 + 90 * -t)},${Math.round(150 - 110 * -t)},${Math.round(150 - 110 * -t)},${a})`;
};

dyad.precisionLabel = function (ev) {
  const p = ev.date_precision;
  if (!ev.date) return 'undated';
  return p && p !== 'day' ? ev.date + ' (' + p + ')' : ev.date;
};
