// network.js - the most active dyads as a graph on a canvas: nodes are
// actors (size: events), edges are dyads (width: events, colour: mean
// Goldstein). A small force layout, run for a fixed number of steps so
// the drawing is the same on every load. Click an edge to show its dyad.
'use strict';
(function () {
  // Fruchterman-Reingold: repulsion k^2/d between all nodes, attraction
  // d^2/k along edges, moves capped by a temperature that cools to zero.
  function layout(nodes, edges, w, h) {
    nodes.forEach((n, i) => {   // deterministic start: a circle
      const a = 2 * Math.PI * i / nodes.length;
      n.x = w / 2 + Math.cos(a) * w / 4;
      n.y = h / 2 + Math.sin(a) * h / 4;
    });
    const k = 0.75 * Math.sqrt(w * h / Math.max(1, nodes.length));
    const steps = 250;
    for (let step = 0; step < steps; step++) {
      const temp = (w / 10) * (1 - step / steps);
      for (const n of nodes) { n.dx = 0; n.dy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          const dx = a.x - b.x, dy = a.y - b.y;
          const d = Math.max(0.5, Math.hypot(dx, dy));
          const f = k * k / d;
          a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
        }
      }
      for (const e of edges) {
        const a = e.from, b = e.to;
        const dx = a.x - b.x, dy = a.y - b.y;
        const d = Math.max(0.5, Math.hypot(dx, dy));
        const f = d * d / k;
        a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
      }
      for (const n of nodes) {
        n.dx += (w / 2 - n.x) * 0.05 * k / 10; n.dy += (h / 2 - n.y) * 0.05 * k / 10;   // gravity
        const d = Math.max(0.5, Math.hypot(n.dx, n.dy));
        const m = Math.min(d, temp);
        n.x = Math.min(w - 30, Math.max(30, n.x + n.dx / d * m));
        n.y = Math.min(h - 20, Math.max(24, n.y + n.dy / d * m));
      }
    }
  }

  function distToSegment(p, a, b) {
    const vx = b.x - a.x, vy = b.y - a.y;
    const l2 = vx * vx + vy * vy || 1;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * vx + (p.y - a.y) * vy) / l2));
    return Math.hypot(p.x - a.x - t * vx, p.y - a.y - t * vy);
  }

  function draw(canvas, dyads, onPick) {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth || 600, h = canvas.clientHeight || 420;
    canvas.width = w * ratio;
    canvas.height = h * ratio;
    const ctx = canvas.getContext('2d');
    ctx.scale(ratio, ratio);
    const byCode = new Map();
    const node = (code) => {
      if (!byCode.has(code)) byCode.set(code, { code, events: 0 });
      return byCode.get(code);
    };
    const edges = dyads.filter(d => d.a !== d.b).map(d => {
      const e = { from: node(d.a), to: node(d.b), events: d.events, g: d.mean_goldstein, a: d.a, b: d.b };
      e.from.events += d.events; e.to.events += d.events;
      return e;
    });
    const nodes = [...byCode.values()];
    if (!nodes.length) {
      ctx.fillStyle = '#6b7280';
      ctx.fillText('No dyads in the store yet.', 20, 30);
      return;
    }
    layout(nodes, edges, w, h);
    const maxE = Math.max(1, ...edges.map(e => e.events));
    const maxN = Math.max(1, ...nodes.map(n => n.events));
    ctx.clearRect(0, 0, w, h);
    for (const e of edges) {
      ctx.strokeStyle = dyad.goldsteinColor(e.g, 0.85);
      ctx.lineWidth = 1 + 6 * e.events / maxE;
      ctx.beginPath(); ctx.moveTo(e.from.x, e.from.y); ctx.lineTo(e.to.x, e.to.y); ctx.stroke();
    }
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    for (const n of nodes) {
      const r = 4 + 10 * Math.sqrt(n.events / maxN);
      ctx.fillStyle = '#1d2330';
      ctx.beginPath(); ctx.arc(n.x, n.y, r, 0, 2 * Math.PI); ctx.fill();
      ctx.fillStyle = '#111827';
      ctx.fillText(n.code, n.x, n.y - r - 3);
    }
    canvas.title = 'Click an edge to show that dyad';
    canvas.onclick = (evt) => {
      const rect = canvas.getBoundingClientRect();
      const p = { x: evt.clientX - rect.left, y: evt.clientY - rect.top };
      let best = null, bestD = 8;
      for (const e of edges) {
        const d = distToSegment(p, e.from, e.to);
        if (d < bestD) { best = e; bestD = d; }
      }
      if (best && onPick) onPick(best.a, best.b);
    };
  }

  window.dyadNetwork = { draw };
})();
