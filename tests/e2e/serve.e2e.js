// serve.e2e.js - the dyad page in a real browser (Debian's chromium,
// headless, driven by playwright-core): pick Algeria-Russia, check the
// timeline is drawn, click a bar, open an event, see its highlighted
// sentence; screenshot into the output dir. Fails on any console error
// (CSP violations included) or failed request.
// usage: node serve.e2e.js BASE_URL OUT_DIR
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [base, outDir] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: node serve.e2e.js BASE_URL OUT_DIR');
  process.exit(2);
}

function check(cond, msg) {
  if (!cond) throw new Error('check failed: ' + msg);
  console.log('ok - ' + msg);
}

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-e2e-'));
  // a fresh user-data-dir each run (playwright takes it as the persistent context's dir)
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1500 },
    timeout: 60000,
  });
  const problems = [];
  let failed = false;
  try {
    const page = browser.pages()[0] || await browser.newPage();
    page.setDefaultTimeout(20000);
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
    page.on('response', (r) => { if (r.status() >= 400) problems.push('HTTP ' + r.status() + ': ' + r.url()); });

    await page.goto(base, { waitUntil: 'load' });
    await page.waitForFunction(() => /events/.test(document.getElementById('store-info').textContent));
    check(true, 'page loaded with store info: ' + await page.textContent('#store-info'));

    // pick Algeria-Russia
    await page.fill('#actor-a', 'DZA');
    await page.fill('#actor-b', 'RUS');
    await page.selectOption('#by', 'month');
    await page.click('#show');
    await page.waitForFunction(() => /DZA – RUS/.test(document.getElementById('timeline-title').textContent));
    await page.waitForFunction(() => Number(document.getElementById('timeline').dataset.periods) > 0);

    // the chart is drawn: enough non-transparent pixels on the canvas
    const inked = await page.evaluate(() => {
      const c = document.getElementById('timeline');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return { n, total: c.width * c.height };
    });
    check(inked.n > inked.total * 0.01, `timeline canvas drawn (${inked.n} of ${inked.total} pixels inked)`);

    // click the tallest bar
    const bar = await page.evaluate(() => {
      const c = document.getElementById('timeline');
      const chart = Chart.getChart(c);
      let best = null;
      chart.data.datasets.forEach((ds, di) => {
        if (ds.type !== 'bar') return;
        chart.getDatasetMeta(di).data.forEach((el, i) => {
          const h = Math.abs(el.base - el.y);
          if (ds.data[i] > 0 && (!best || h > best.h)) best = { x: el.x, y: (el.y + el.base) / 2, h, label: chart.data.labels[i] };
        });
      });
      return best;
    });
    check(bar !== null, 'a bar to click: ' + (bar && bar.label));
    const box = await page.locator('#timeline').boundingBox();
    await page.mouse.click(box.x + bar.x, box.y + bar.y);
    await page.waitForFunction((l) => document.getElementById('events-title').textContent === 'in ' + l, bar.label);
    const dates = await page.$$eval('#events tbody tr td:first-child', tds => tds.map(td => td.textContent));
    check(dates.length > 0, `events of ${bar.label} listed (${dates.length})`);
    check(dates.every(d => d.startsWith(bar.label)), 'every listed event is in ' + bar.label + ': ' + dates.join(' | '));

    // open the first event: its sentence with highlighted spans
    await page.click('#events tbody tr:first-child');
    await page.waitForSelector('#evidence:not([hidden]) .sentence');
    const marks = await page.$$eval('#evidence .sentence mark', ms => ms.map(m => [m.className, m.textContent]));
    check(marks.some(m => m[0] === 'hl-verb' && m[1].trim()), 'verb highlighted: ' + JSON.stringify(marks));
    check(marks.some(m => (m[0] === 'hl-source' || m[0] === 'hl-target') && m[1].trim()), 'an actor highlighted');
    const pattern = await page.textContent('#evidence .pattern');
    check(pattern && pattern.trim().length > 0, 'the pattern that fired is shown: ' + pattern.trim());

    // a continuous time axis: every month between the first and the last, empty ones included
    const labels = await page.evaluate(() => Chart.getChart(document.getElementById('timeline')).data.labels);
    const next = (m) => { const [y, mo] = m.split('-').map(Number); return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`; };
    check(labels.length > 1 && labels.every((l, i) => i === 0 || l === next(labels[i - 1])),
      `timeline months are consecutive (${labels[0]} .. ${labels[labels.length - 1]}, ${labels.length})`);

    // keyboard: Escape closes the evidence and gives the focus back to the row
    await page.keyboard.press('Escape');
    await page.waitForSelector('#evidence', { state: 'hidden' });
    check(await page.evaluate(() => document.activeElement && document.activeElement.matches('#events tbody tr.selected')),
      'Escape closes the evidence; focus back on the selected row');
    // ArrowDown moves to the next row, Enter opens it
    await page.keyboard.press('ArrowDown');
    const focusedId = await page.evaluate(() => document.activeElement.dataset.id);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#evidence:not([hidden]) .sentence');
    check(focusedId && await page.evaluate(() => document.activeElement.id === 'evidence-title'),
      'a row opened from the keyboard (event ' + focusedId + '); focus moves to the evidence');
    await page.click('#evidence-close');

    // the Period menu lists the drawn periods with events and filters the table
    const opts = await page.$$eval('#f-period option', os => os.map(o => o.value).filter(Boolean));
    check(opts.includes(bar.label), 'the Period menu offers ' + bar.label + ' (' + opts.length + ' periods)');
    await page.selectOption('#f-period', '');
    await page.waitForFunction(() => document.getElementById('events-title').textContent === '');
    const other = opts.find(o => o !== bar.label);
    await page.selectOption('#f-period', other);
    await page.waitForFunction((l) => document.getElementById('events-title').textContent === 'in ' + l, other);
    const dates2 = await page.$$eval('#events tbody tr td:first-child', tds => tds.map(td => td.textContent));
    check(dates2.length > 0 && dates2.every(d => d.startsWith(other)), 'Period menu: events of ' + other + ' listed');

    // sorting through the header buttons, announced with aria-sort
    await page.click('#events th[data-sort="goldstein"] button');
    await page.waitForFunction(() => document.querySelector('#events th[data-sort="goldstein"]').getAttribute('aria-sort') === 'ascending');
    check(true, 'sort by Goldstein from its header button (aria-sort ascending)');

    // changing the granularity redraws the timeline at once
    await page.selectOption('#by', 'year');
    await page.waitForFunction(() => /per year/.test(document.getElementById('timeline-title').textContent));
    const years = await page.evaluate(() => Chart.getChart(document.getElementById('timeline')).data.labels);
    check(years.length > 1 && years.every((y, i) => i === 0 || Number(y) === Number(years[i - 1]) + 1),
      'per year without pressing Show: ' + years.join(' '));

    // the network's dyads are also buttons (keyboard)
    const chips = await page.$$eval('#network-list button', bs => bs.map(b => b.textContent));
    check(chips.length > 0, 'network dyads as buttons: ' + chips.slice(0, 3).join(', '));

    // full-text search
    await page.fill('#search-q', 'exercise');
    await page.click('#search-form button');
    await page.waitForSelector('#search-results li mark.hl-match');
    check(true, 'search hits with the matched words highlighted');

    await page.screenshot({ path: path.join(outDir, 'dyad-page.png'), fullPage: true });
    check(fs.statSync(path.join(outDir, 'dyad-page.png')).size > 10000, 'screenshot written to ' + outDir);
    check(problems.length === 0, 'no console error, CSP violation or failed request' +
      (problems.length ? ': ' + problems.join('; ') : ''));
  } catch (e) {
    console.error('not ok - ' + e.message);
    if (problems.length) console.error(problems.join('\n'));
    failed = true;
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
})();
