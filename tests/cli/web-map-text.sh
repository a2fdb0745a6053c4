#!/usr/bin/env bash
# tests/cli/web-map-text.sh DYAD - the map draws what the API says as
# text: Leaflet puts a tooltip given as a string into innerHTML, so
# map.js must hand it nodes. Runs web/map.js under node with a stub
# Leaflet and DOM, on places whose names are markup.
set -euo pipefail
command -v node >/dev/null || { echo "web-map-text: SKIPPED: no node"; exit 77; }
node - web/map.js <<'JS'
'use strict';
const fs = require('fs');
const src = fs.readFileSync(process.argv[2], 'utf8');
const evil = '<img src=x onerror=alert(1)>';
const tooltips = [];
const node = (tag) => ({ tag, children: [], textContent: '', dataset: {},
  appendChild(c) { this.children.push(c); return c; }, setAttribute() {} });
const layer = () => { const o = { addTo() { return o; }, bindTooltip(c) { tooltips.push(c); return o; },
  bringToBack() {}, setView() { return o; } }; return o; };
const notes = {};
global.document = { createElement: node, createTextNode: (t) => ({ text: t }),
  getElementById: (id) => (notes[id] = notes[id] || node(id)) };
global.window = { dyad: {
  api: async () => ({ unplaced_events: 0, places: [
    { name: evil, country: 'DZA', lat: 36.7, lon: 3.1, events: 2, mean_goldstein: 1, resolution: 'city', drawn_as: 'point' },
    { name: 'x', country: 'DZA', lat: null, lon: null, events: 1, resolution: 'country', drawn_as: 'country' }] }),
  el: (tag, props, ...kids) => { const e = node(tag); for (const k of kids) e.appendChild(typeof k === 'string' ? { text: k } : k); return e; },
  clear: () => {}, goldsteinColor: () => '#000' } };
global.dyad = global.window.dyad;
global.L = { map: layer, circleMarker: layer, layerGroup: layer,
  geoJSON: (data, opts) => { for (const f of data.features) if (!opts.filter || opts.filter(f)) { if (opts.onEachFeature) opts.onEachFeature(f, layer()); } return layer(); } };
global.fetch = async () => ({ json: async () => ({ features: [{ properties: { name: evil, iso_a3: 'DZA' } }] }) });
new Function(src)();
(async () => {
  window.dyadMap.init(node('map'));
  await new Promise((r) => setTimeout(r, 10));   // the outline's fetch
  await window.dyadMap.load({});
  if (tooltips.length !== 2) throw new Error('expected 2 tooltips, got ' + tooltips.length);
  for (const t of tooltips)
    if (typeof t === 'string') throw new Error('tooltip given as a string (HTML to Leaflet): ' + t);
  console.log('web-map-text: ok');
})().catch((e) => { console.error('FAIL: ' + e.message); process.exit(1); });
JS
