// make-world.js - writes ../world.geojson, the offline world outline of the
// page: Natural Earth 1:110m countries (public domain, via the npm package
// world-atlas) converted from TopoJSON with topojson-client. Each country
// gets its ISO 3166-1 alpha-3 code (from Debian's iso-codes when present)
// so that country-level events can be drawn as shaded countries.
// Run: cd web/tools && npm ci && node make-world.js
'use strict';
const fs = require('fs');
const path = require('path');
const topojson = require('topojson-client');

const topo = require('world-atlas/countries-110m.json');
const world = topojson.feature(topo, topo.objects.countries);

const alpha3 = {};
const isoFile = '/usr/share/iso-codes/json/iso_3166-1.json';
if (fs.existsSync(isoFile)) {
  for (const c of JSON.parse(fs.readFileSync(isoFile, 'utf8'))['3166-1']) alpha3[c.numeric] = c.alpha_3;
} else {
  console.warn('make-world: no ' + isoFile + ' (apt-get install iso-codes): countries without ISO codes');
}

// 2 decimals (about 1 km) is finer than the 1:110m outline itself
function round(coords) {
  return Array.isArray(coords[0]) ? coords.map(round)
    : [Math.round(coords[0] * 100) / 100, Math.round(coords[1] * 100) / 100];
}

// Rings that cross the antimeridian jump from +180 to -180: Leaflet would
// draw a band across the whole map. Unwrap them so each ring is continuous
// (the part past 180 is simply drawn beyond the edge).
function unwrap(coords) {
  if (!Array.isArray(coords[0][0])) {   // a ring of [lon, lat]
    const out = [coords[0].slice()];
    for (let i = 1; i < coords.length; i++) {
      let lon = coords[i][0];
      const prev = out[i - 1][0];
      while (lon - prev > 180) lon -= 360;
      while (lon - prev < -180) lon += 360;
      out.push([lon, coords[i][1]]);
    }
    return out;
  }
  return coords.map(unwrap);
}

const out = {
  type: 'FeatureCollection',
  source: 'Natural Earth 1:110m admin-0 countries (public domain), via world-atlas 2.0.2',
  features: world.features.map(f => ({
    type: 'Feature',
    properties: { name: f.properties.name, iso_n3: f.id || null, iso_a3: alpha3[f.id] || null },
    geometry: f.geometry && { type: f.geometry.type, coordinates: round(unwrap(f.geometry.coordinates)) },
  })).filter(f => f.geometry),
};
const dest = path.join(__dirname, '..', 'world.geojson');
fs.writeFileSync(dest, JSON.stringify(out));
console.log('make-world: ' + out.features.length + ' countries -> ' + dest);
