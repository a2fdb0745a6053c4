// map.js - event places on an offline world outline (world.geojson, no
// tile server). Honest about resolution: only events with coordinates are
// points (sized by count); country-level events shade their country;
// named places without coordinates are listed, not guessed.
'use strict';
(function () {
  const { api, el, clear } = window.dyad;
  let map = null, world = null, countryLayer = null, pointLayer = null;
  let worldData = null;

  function init(node) {
    if (typeof L === 'undefined') {
      node.textContent = 'Leaflet is not installed (apt-get install libjs-leaflet).';
      return;
    }
    map = L.map(node, { worldCopyJump: true, attributionControl: false, minZoom: 1, maxZoom: 8 })
      .setView([25, 10], 2);
    fetch('/world.geojson').then(r => r.json()).then((data) => {
      worldData = data;
      world = L.geoJSON(data, {
        style: { color: '#8a97a8', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 },
        interactive: false,
      }).addTo(map);
      world.bringToBack();
    }).catch(() => { document.getElementById('map-note').textContent = 'world outline missing (web/world.geojson)'; });
  }

  let seq = 0;   // a newer load wins over an older one still under way

  async function load(params) {
    if (!map) return;
    const mine = ++seq;
    document.getElementById('map-note').textContent = 'loading places…';
    const data = await api('places', params);
    if (mine !== seq) return;
    if (countryLayer) map.removeLayer(countryLayer);
    if (pointLayer) map.removeLayer(pointLayer);
    const byCountry = {}, named = [];
    pointLayer = L.layerGroup();
    let points = 0, countryEvents = 0;
    const max = Math.max(1, ...data.places.map(p => p.events));
    for (const p of data.places) {
      if (p.drawn_as === 'point') {
        points += p.events;
        // a tooltip given a string is HTML to Leaflet: place names (text of
        // the articles) go in as a text node
        L.circleMarker([p.lat, p.lon], {
          radius: 4 + 14 * Math.sqrt(p.events / max), color: '#1d2330', weight: 1,
          fillColor: dyad.goldsteinColor(p.mean_goldstein), fillOpacity: 0.8,
        }).bindTooltip(el('span', {}, `${p.name || ''}${p.country ? ' (' + p.country + ')' : ''}: ${p.events} event(s), ${p.resolution}`))
          .addTo(pointLayer);
      } else if (p.drawn_as === 'country' && p.country) {
        byCountry[p.country] = (byCountry[p.country] || 0) + p.events;
        countryEvents += p.events;
      } else {
        named.push(p);
      }
    }
    pointLayer.addTo(map);
    if (worldData) {
      const cmax = Math.max(1, ...Object.values(byCountry));
      countryLayer = L.geoJSON(worldData, {
        filter: f => byCountry[f.properties.iso_a3] !== undefined,
        style: f => ({ color: '#4b5563', weight: 1, fillColor: '#2563eb',
          fillOpacity: 0.15 + 0.5 * byCountry[f.properties.iso_a3] / cmax }),
        onEachFeature: (f, layer) => layer.bindTooltip(el('span', {},
          `${f.properties.name}: ${byCountry[f.properties.iso_a3]} event(s) located only at country level`)),
      }).addTo(map);
    }
    const list = document.getElementById('map-list');
    clear(list);
    for (const p of named.slice(0, 20)) {
      list.appendChild(el('li', {}, `${p.name}${p.country ? ' (' + p.country + ')' : ''}: ${p.events} event(s), ` +
        (p.lat === null ? 'named but not located' : p.resolution + ': too large to be a point')));
    }
    document.getElementById('map-note').textContent =
      `${points} event(s) at located places (points), ${countryEvents} known only by country (shaded), ` +
      `${named.reduce((s, p) => s + p.events, 0)} at regions or unlocated places (listed), ` +
      `${data.unplaced_events} without any place.`;
  }

  window.dyadMap = { init, load };
})();
