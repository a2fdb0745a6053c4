#!/usr/bin/env bash
# tests/cli/web-fill-periods.sh DYAD - the page's timeline axis (web/app.js
# fillPeriods): every period between the first and the last, empty ones as
# zeros, for months, weeks and years, across leap years and in years 0-99
# (which Date.UTC would read as 1900-1999). Runs the functions under node.
set -euo pipefail
command -v node >/dev/null || { echo "web-fill-periods: SKIPPED: no node"; exit 77; }
node - web/app.js <<'JS'
'use strict';
const src = require('fs').readFileSync(process.argv[2], 'utf8');
const a = src.indexOf('const MAX_FILL'), b = src.indexOf('function periodSelect');
if (a < 0 || b < a) { console.error('FAIL: fillPeriods not found in app.js'); process.exit(1); }
const fillPeriods = new Function(src.slice(a, b) + '; return fillPeriods;')();
const P = (period, from, to) => ({ period, from, to, events: 1 });
function check(name, got, want) {
  const g = got.map(p => `${p.period} ${p.from} ${p.to}`).join(', ');
  if (g !== want.join(', ')) { console.error(`FAIL: ${name}\n  got  ${g}\n  want ${want.join(', ')}`); process.exit(1); }
  console.log('ok - ' + name);
}
check('months across a leap February',
  fillPeriods([P('2024-01', '2024-01-01', '2024-01-31'), P('2024-04', '2024-04-01', '2024-04-30')], 'month'),
  ['2024-01 2024-01-01 2024-01-31', '2024-02 2024-02-01 2024-02-29', '2024-03 2024-03-01 2024-03-31', '2024-04 2024-04-01 2024-04-30']);
check('months in year 50',
  fillPeriods([P('0050-01', '0050-01-01', '0050-01-31'), P('0050-03', '0050-03-01', '0050-03-31')], 'month'),
  ['0050-01 0050-01-01 0050-01-31', '0050-02 0050-02-01 0050-02-28', '0050-03 0050-03-01 0050-03-31']);
check('a month range given by the filter',
  fillPeriods([], 'month', '1999-12-15', '2000-02-03'),
  ['1999-12 1999-12-01 1999-12-31', '2000-01 2000-01-01 2000-01-31', '2000-02 2000-02-01 2000-02-29']);
check('weeks across a year end',
  fillPeriods([P('2020-12-28', '2020-12-28', '2021-01-03'), P('2021-01-11', '2021-01-11', '2021-01-17')], 'week'),
  ['2020-12-28 2020-12-28 2021-01-03', '2021-01-04 2021-01-04 2021-01-10', '2021-01-11 2021-01-11 2021-01-17']);
check('years',
  fillPeriods([P('1968', '1968-01-01', '1968-12-31'), P('1970', '1970-01-01', '1970-12-31')], 'year'),
  ['1968 1968-01-01 1968-12-31', '1969 1969-01-01 1969-12-31', '1970 1970-01-01 1970-12-31']);
JS
