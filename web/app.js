// app.js - the dyad page: dyad picker, timeline, events table, evidence
// panel, full-text search and exports. Maps and network: map.js, network.js.
'use strict';
(function () {
  const { api, el, clear } = window.dyad;
  const $ = (id) => document.getElementById(id);

  const state = {
    a: '', b: '', from: '', to: '', by: 'month',
    period: null,               // {from, to, label} after a bar click
    sort: 'date', offset: 0, limit: 25, total: 0,
  };
  const EXPORT_MAX = 10000;    // events per export (docs/api.md, Limits)
  let chart = null;
  let timelinePeriods = [];   // the drawn periods (filled), for the Period menu
  let evidenceFrom = null;    // what opened the evidence panel: focus returns there

  function setStatus(msg, isError) {
    const s = $('status');
    s.textContent = msg || '';
    s.className = isError ? 'error' : 'muted';
  }

  // The filter of the events table: the picker, the clicked period, the filter bar.
  function eventParams() {
    const p = {};
    if (state.a && state.b) p.dyad = state.a + ',' + state.b;
    else if (state.a) p.actor = state.a;
    p.from = state.period ? state.period.from : state.from;
    p.to = state.period ? state.period.to : state.to;
    const code = $('f-code').value.trim();
    if (code) p.code = code;
    if ($('f-plover').value) p.plover = $('f-plover').value;
    if ($('f-modality').value) p.modality = $('f-modality').value;
    const ms = parseInt($('f-sources').value, 10);
    if (ms > 0) p.min_sources = ms;
    const text = $('f-text').value.trim();
    if (text) p.text = text;
    return p;
  }

  function pickerParams() {
    const p = {};
    if (state.a && state.b) p.dyad = state.a + ',' + state.b;
    else if (state.a) p.actor = state.a;
    p.from = state.from;
    p.to = state.to;
    return p;
  }

  /* ---------------------------------------------------------------- */
  /* Timeline                                                          */

  // Every period from the first to the last (or over the chosen range),
  // those without events as zeros: a time axis that skips empty months
  // would put 2018-05 next to 2021-10. Capped: a very long span by week
  // is drawn with its periods only.
  const MAX_FILL = 3000;
  const pad = (n, w) => String(n).padStart(w, '0');
  const iso = (d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  function periodOf(by, day) {     // day: 'YYYY-MM-DD' -> {period, from, to}
    const d = new Date(day + 'T00:00:00Z');
    if (by === 'year') {
      const y = pad(d.getUTCFullYear(), 4);
      return { period: y, from: y + '-01-01', to: y + '-12-31' };
    }
    if (by === 'month') {
      // the month's last day (not Date.UTC: it reads years 0-99 as 1900-1999)
      const last = new Date(d.getTime());
      last.setUTCMonth(d.getUTCMonth() + 1, 0);
      const m = iso(d).slice(0, 7);
      return { period: m, from: m + '-01', to: iso(last) };
    }
    const mon = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86400000);
    return { period: iso(mon), from: iso(mon), to: iso(new Date(mon.getTime() + 6 * 86400000)) };
  }
  function nextDay(day) {
    return iso(new Date(new Date(day + 'T00:00:00Z').getTime() + 86400000));
  }
  function fillPeriods(periods, by, from, to) {
    if (!periods.length && !(from && to)) return periods;
    const first = from ? periodOf(by, from).from : periods[0].from;
    const last = to ? periodOf(by, to).from : periods[periods.length - 1].from;
    const have = new Map(periods.map(p => [p.period, p]));
    const out = [];
    for (let day = first; day <= last; day = nextDay(out[out.length - 1].to)) {
      const p = periodOf(by, day);
      out.push(have.get(p.period) || Object.assign(p, { events: 0, quad: [0, 0, 0, 0, 0], mean_goldstein: null, asserted: 0, planned: 0 }));
      if (out.length > MAX_FILL) return periods;
    }
    // periods outside the range (none expected) are kept, in order
    for (const p of periods) if (p.period < out[0].period || p.period > out[out.length - 1].period) out.push(p);
    out.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    return out;
  }

  function periodSelect(periods) {
    const sel = $('f-period');
    clear(sel);
    sel.appendChild(el('option', { value: '' }, 'all'));
    for (const p of periods) {
      if (p.events > 0) sel.appendChild(el('option', { value: p.period }, `${p.period} (${p.events})`));
    }
    sel.value = state.period ? state.period.label : '';
  }

  // answers can arrive out of order (a quick second click): only the
  // latest request of each kind is drawn
  const latest = { timeline: 0, events: 0 };

  async function loadTimeline() {
    const mine = ++latest.timeline;
    const data = await api('timeline', Object.assign(pickerParams(), { by: state.by }));
    if (mine !== latest.timeline) return;
    const periods = fillPeriods(data.periods, data.by, state.from, state.to);
    timelinePeriods = periods;
    periodSelect(periods);
    const total = periods.reduce((n, p) => n + p.events, 0);
    $('timeline').setAttribute('aria-label', `timeline chart: ${total} event(s) over ${periods.length} period(s) by ${data.by}; ` +
      'the same periods are listed in the Period menu of the events table');
    $('timeline-title').textContent = (state.b ? state.a + ' – ' + state.b : state.a + ' – all') +
      ', per ' + data.by;
    $('timeline-note').textContent = data.excluded_imprecise
      ? ' ' + data.excluded_imprecise + ' event(s) dated less precisely than a ' + data.by + ' are not drawn.' : '';
    const labels = periods.map(p => p.period);
    const datasets = [1, 2, 3, 4, 0].map(q => ({
      type: 'bar', label: data.quad_names[q], stack: 'q', yAxisID: 'y',
      data: periods.map(p => p.quad[q]), backgroundColor: dyad.quadColors[q],
    })).filter(d => d.data.some(v => v > 0));
    datasets.push({
      type: 'line', label: 'mean Goldstein', yAxisID: 'g', data: periods.map(p => p.mean_goldstein),
      borderColor: '#1d2330', backgroundColor: '#1d2330', pointRadius: 3, tension: 0.2, spanGaps: false,
    });
    if (chart) chart.destroy();
    chart = new Chart($('timeline'), {
      data: { labels, datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: 'events' }, ticks: { precision: 0 } },
          g: { position: 'right', min: -10, max: 10, grid: { drawOnChartArea: false },
               title: { display: true, text: 'Goldstein' } },
        },
        onClick: (evt, elements) => {
          if (!elements.length) return;
          const p = periods[elements[0].index];
          if (p.events) selectPeriod({ from: p.from, to: p.to, label: p.period });
        },
      },
    });
    $('timeline').dataset.periods = String(periods.length);
  }

  function selectPeriod(period) {
    state.period = period;
    state.offset = 0;
    $('f-clear-period').hidden = !period;
    $('f-period').value = period ? period.label : '';
    loadEvents().catch(e => setStatus(e.message, true));
  }

  /* ---------------------------------------------------------------- */
  /* Events table                                                      */

  function eventRow(ev) {
    const place = ev.place && (ev.place.name || ev.place.country)
      ? [ev.place.name, ev.place.country].filter(Boolean).join(', ') : '';
    const tr = el('tr', { dataset: { id: String(ev.id) } },
      el('td', {}, dyad.precisionLabel(ev)),
      el('td', { className: 'code' }, ev.source || ''),
      el('td', { className: 'code' }, ev.target || ''),
      el('td', { title: ev.label || '' }, el('span', { className: 'code q' + ev.quad }, ev.cameo || ''), ' ', ev.label || ''),
      el('td', {}, ev.plover || ''),
      el('td', {}, place),
      el('td', {}, ev.modality || ''),
      el('td', { className: 'num' }, ev.goldstein === null ? '' : ev.goldstein.toFixed(1)),
      el('td', { className: 'num', title: ev.mentions + ' mention(s) in ' + ev.articles + ' article(s)' }, String(ev.sources)));
    tr.tabIndex = 0;
    const open = () => {
      for (const r of document.querySelectorAll('#events tbody tr.selected')) {
        r.classList.remove('selected');
        r.removeAttribute('aria-selected');
      }
      tr.classList.add('selected');
      tr.setAttribute('aria-selected', 'true');
      evidenceFrom = tr;
      openEvidence(ev.id).catch(e => setStatus(e.message, true));
    };
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); }
      else if (e.key === 'ArrowDown' && tr.nextElementSibling) { e.preventDefault(); tr.nextElementSibling.focus(); }
      else if (e.key === 'ArrowUp' && tr.previousElementSibling) { e.preventDefault(); tr.previousElementSibling.focus(); }
    });
    return tr;
  }

  async function loadEvents() {
    const params = Object.assign(eventParams(), { sort: state.sort, offset: state.offset, limit: state.limit });
    const mine = ++latest.events;
    const data = await api('events', params);
    if (mine !== latest.events) return;
    state.total = data.total;
    const body = $('events').querySelector('tbody');
    clear(body);
    for (const ev of data.events) body.appendChild(eventRow(ev));
    if (!data.events.length) body.appendChild(el('tr', {}, el('td', { colSpan: 9, className: 'muted' }, 'No events match.')));
    const end = state.offset + data.events.length;
    // past 10,000 matches the server stops counting: say so rather than show 10000 as the total
    const total = data.total_exact === false ? `more than ${data.total.toLocaleString('en')}` : data.total.toLocaleString('en');
    $('page-info').textContent = data.total ? `${state.offset + 1}–${end} of ${total}` : '0 events';
    $('export-note').textContent = data.total > EXPORT_MAX || data.total_exact === false
      ? `exports hold the first ${EXPORT_MAX.toLocaleString('en')} events in this order: narrow the filter for the rest` : '';
    $('prev').disabled = state.offset === 0;
    $('next').disabled = end >= data.total;
    $('events-title').textContent = state.period ? 'in ' + state.period.label : '';
    for (const th of document.querySelectorAll('#events th[data-sort]')) {
      const asc = th.dataset.sort === state.sort, desc = '-' + th.dataset.sort === state.sort;
      th.classList.toggle('sorted-asc', asc);
      th.classList.toggle('sorted-desc', desc);
      if (asc || desc) th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    const exp = eventParams();
    $('export-csv').href = dyad.url('events', Object.assign({}, exp, { sort: state.sort, format: 'csv' }));
    $('export-plover').href = dyad.url('events', Object.assign({}, exp, { sort: state.sort, format: 'plover' }));
  }

  /* ---------------------------------------------------------------- */
  /* Evidence                                                          */

  function fact(dl, name, value) {
    if (value === null || value === undefined || value === '') return;
    dl.appendChild(el('dt', {}, name));
    dl.appendChild(typeof value === 'object' ? el('dd', {}, value) : el('dd', {}, String(value)));
  }

  function link(url) {
    // only web links are made clickable; anything else stays text
    if (!/^https?:\/\//i.test(url)) return document.createTextNode(url);
    return el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url);
  }

  async function openEvidence(id) {
    const ev = await api('events/' + encodeURIComponent(id));
    const body = $('evidence-body');
    clear(body);
    body.appendChild(el('h3', {}, `${ev.source} → ${ev.target || '—'}: ${ev.cameo} ${ev.label || ''}`));
    const dl = el('dl', { className: 'facts' });
    fact(dl, 'Date', dyad.precisionLabel(ev) + (ev.date_end ? ' to ' + ev.date_end : ''));
    fact(dl, 'QuadClass', ev.quad + ' (' + ev.quad_name + ')');
    fact(dl, 'Goldstein', ev.goldstein === null ? null : ev.goldstein.toFixed(1));
    fact(dl, 'PLOVER', ev.plover);
    fact(dl, 'Modality', ev.modality);
    fact(dl, 'Place', ev.place && [ev.place.name, ev.place.country].filter(Boolean).join(', '));
    fact(dl, 'Reported by', `${ev.sources} outlet(s), ${ev.articles} article(s), ${ev.mentions} mention(s)`);
    fact(dl, 'Outlets', (ev.outlets || []).join(', '));
    body.appendChild(dl);
    body.appendChild(el('p', { className: 'keys small' },
      el('span', { className: 'hl-source' }, 'source'), el('span', { className: 'hl-target' }, 'target'),
      el('span', { className: 'hl-verb' }, 'verb'), el('span', { className: 'hl-date' }, 'date')));
    for (const m of ev.evidence || []) {
      const box = el('div', { className: 'mention' });
      box.appendChild(dyad.segments(m.segments));
      const mdl = el('dl', { className: 'facts small' });
      fact(mdl, 'Coded', `${m.source} → ${m.target || '—'} ${m.cameo} (${m.modality || 'asserted'})`);
      fact(mdl, 'Pattern', el('span', { className: 'pattern' }, m.pattern || '(none)'));
      fact(mdl, 'Article', m.title);
      fact(mdl, 'Outlet', m.outlet);
      fact(mdl, 'Published', m.pub_date);
      fact(mdl, 'URL', m.url ? link(m.url) : null);
      /* a date or place carried from an earlier sentence is not in this one: say where it came from */
      if (m.date_source === 'carried')
        fact(mdl, 'Date', `${m.date || ''} (“${m.date_text || ''}”, from an earlier sentence about the same occasion)`);
      else
        fact(mdl, 'Date in text', m.date_text);
      if (m.place_name)
        fact(mdl, 'Place', m.place_name + (m.place_source === 'carried' ? ' (from an earlier sentence about the same occasion)' : ''));
      fact(mdl, 'Dictionaries', m.dict_version);
      box.appendChild(mdl);
      body.appendChild(box);
    }
    $('evidence').hidden = false;
    $('evidence-title').focus();
  }

  function closeEvidence() {
    if ($('evidence').hidden) return;
    $('evidence').hidden = true;
    if (evidenceFrom && document.contains(evidenceFrom)) evidenceFrom.focus();
  }

  /* ---------------------------------------------------------------- */
  /* Search                                                            */

  async function search(q) {
    const data = await api('search', { q, limit: 30 });
    const list = $('search-results');
    clear(list);
    $('search-title').textContent = `“${q}”: ${data.hits.length} sentence(s)`;
    for (const h of data.hits) {
      const li = el('li', {}, dyad.segments(h.segments),
        el('div', { className: 'muted small' }, [h.outlet, h.pub_date, h.title].filter(Boolean).join(' · ')));
      for (const ev of h.events) {
        const b = el('button', { type: 'button', className: 'small' }, `${ev.source} → ${ev.target} ${ev.cameo} ${ev.date || ''}`);
        b.addEventListener('click', () => { evidenceFrom = b; openEvidence(ev.id).catch(e => setStatus(e.message, true)); });
        li.appendChild(b);
      }
      list.appendChild(li);
    }
    $('search-section').hidden = false;
  }

  /* ---------------------------------------------------------------- */
  /* Wiring                                                            */

  async function show() {
    state.a = $('actor-a').value.trim().toUpperCase();
    state.b = $('actor-b').value.trim().toUpperCase();
    state.from = $('from').value;
    state.to = $('to').value;
    state.by = $('by').value;
    state.period = null;
    state.offset = 0;
    $('f-clear-period').hidden = true;
    setStatus('loading…');
    try {
      // the map is below the fold and can take longest (an actor's every
      // event): the timeline and table do not wait for it
      const places = window.dyadMap.load(pickerParams());
      await Promise.all([loadTimeline(), loadEvents()]);
      setStatus('');
      await places;
    } catch (e) {
      setStatus(e.message, true);
    }
  }

  async function init() {
    $('picker').addEventListener('submit', (e) => { e.preventDefault(); show(); });
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const q = $('search-q').value.trim();
      if (q) search(q).catch(err => setStatus(err.message, true));
    });
    $('f-apply').addEventListener('click', () => { state.offset = 0; loadEvents().catch(e => setStatus(e.message, true)); });
    $('f-clear-period').addEventListener('click', () => selectPeriod(null));
    $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents().catch(e => setStatus(e.message, true)); });
    $('next').addEventListener('click', () => { state.offset += state.limit; loadEvents().catch(e => setStatus(e.message, true)); });
    $('evidence-close').addEventListener('click', closeEvidence);
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeEvidence(); });
    // sortable headers are buttons: reachable with Tab, announced with aria-sort
    for (const th of document.querySelectorAll('#events th[data-sort]')) {
      const b = el('button', { type: 'button', className: 'th-sort', title: 'sort by ' + th.textContent.toLowerCase() }, th.textContent);
      clear(th);
      th.appendChild(b);
      b.addEventListener('click', () => {
        const k = th.dataset.sort;
        state.sort = state.sort === k ? '-' + k : k;
        state.offset = 0;
        loadEvents().catch(e => setStatus(e.message, true));
      });
    }
    $('f-period').addEventListener('change', () => {
      const p = timelinePeriods.find(x => x.period === $('f-period').value);
      selectPeriod(p ? { from: p.from, to: p.to, label: p.period } : null);
    });
    // a new granularity redraws the timeline at once (the events list keeps its filter)
    $('by').addEventListener('change', () => {
      if (!state.a) return;
      state.by = $('by').value;
      if (state.period) selectPeriod(null);
      loadTimeline().catch(e => setStatus(e.message, true));
    });
    try {
      // the three start-up requests at once: the page waits for the slowest, not their sum
      const [info, actors, dyads] = await Promise.all([api('info'), api('actors', { limit: 200 }),
        api('dyads', { limit: 60, level: 'country', mentions: 0 })]);
      for (const t of info.plover_types || []) $('f-plover').appendChild(el('option', { value: t }, t));
      $('store-info').textContent = `${info.documents} documents · ${info.mentions} mentions · ${info.events} events` +
        (info.first_date ? ` · ${info.first_date} to ${info.last_date}` : '');
      for (const a of actors.actors) $('actor-list').appendChild(el('option', { value: a.code }));
      const pick = (a, b) => {
        $('actor-a').value = a;
        $('actor-b').value = b;
        show();
      };
      window.dyadNetwork.draw($('network'), dyads.dyads, pick);
      // the same dyads as buttons: the canvas is not reachable by keyboard
      for (const d of dyads.dyads.filter(x => x.a !== x.b).slice(0, 15)) {
        const b = el('button', { type: 'button', className: 'small' }, `${d.a}–${d.b} (${d.events})`);
        b.addEventListener('click', () => pick(d.a, d.b));
        $('network-list').appendChild(el('li', {}, b));
      }
      if (dyads.dyads.length && !$('actor-a').value) {
        $('actor-a').value = dyads.dyads[0].a;
        $('actor-b').value = dyads.dyads[0].b;
      }
      window.dyadMap.init($('map'));
      await show();
    } catch (e) {
      setStatus(e.message, true);
    }
  }

  document.addEventListener('DOMContentLoaded', init);
})();
