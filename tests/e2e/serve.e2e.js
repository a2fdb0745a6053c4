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
