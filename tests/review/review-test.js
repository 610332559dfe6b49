// review-test.js: the review page (docs/review.md) in a real browser --
// Debian's Chromium, headless, driven by npm's puppeteer-core.
//
//   node review-test.js report R.html EXPECTED.json OUTDIR
//       the page of `mtlint --format html --reference ...`: every finding
//       of the JSON report of the same run is in the DOM on the same text
//       (the marks of its number, in its file's section), with its rule;
//       clicking a suggestion puts it in the text; no console error; no
//       request but the file itself; a screenshot in OUTDIR
//   node review-test.js live PORT ARTICLE REFERENCE EXPECTED.json OUTDIR
//       the live page at / of `mtlint serve`: the article and reference
//       typed in show the findings of EXPECTED.json (`mtlint check
//       --format json --reference` of the same files); accepting a
//       suggestion changes the text and checks it again
//   node review-test.js time R.html
//       the time from navigation to the load event and the marks drawn
//       (prints milliseconds)
//
// CHROMIUM names the browser (default: /usr/bin/chromium).
'use strict';

const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

let failures = 0;
function fail(msg) {
  console.log('FAIL ' + msg);
  failures++;
}

// The grammar parser's time limit per sentence (grammar/linkgrammar.h) is
// wall-clock: on a loaded machine it may run out in one of the two runs
// compared and not in the other (grammar.parse-skipped instead of its
// finding).  Differences in the findings are then noted, not failed.
let timedOut = false;
const SKIPPED = 'grammar.parse-skipped';
let findingFailures = 0;
function findingFail(msg) {
  fail(msg);
  findingFailures++;
}
function settle(what) {
  if (findingFailures && timedOut) {
    console.log(`${what}: NOTE: ${findingFailures} differences not counted: ` +
      'the grammar parser ran out of time');
    failures -= findingFailures;
  }
  findingFailures = 0;
}

async function browser() {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-dev-shm-usage'],
    timeout: 180000, // a loaded machine, the sanitizer build
    protocolTimeout: 600000,
  });
}

// Console errors, page errors, and every request but those allowed.
function watch(page, allowed) {
  const seen = { errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('request', (r) => {
    if (!allowed(r.url())) seen.requests.push(r.url());
  });
  return seen;
}

// The text of each finding in section `s`: the marks holding its number.
function spans(page, sel) {
  return page.$$eval(sel + ' .text mark[data-f]', (ms) => {
    const by = {};
    ms.forEach((m) => m.getAttribute('data-f').split(' ').forEach((f) => {
      by[f] = (by[f] || '') + m.textContent;
    }));
    return by;
  });
}

function items(page, sel) {
  return page.$$eval(sel + ' ol.findings li', (ls) => ls.map((l) => ({
    f: l.getAttribute('data-f'), rule: l.getAttribute('data-rule'),
    severity: l.getAttribute('data-severity'),
  })));
}

async function compare(page, sel, diags, what) {
  const by = await spans(page, sel);
  const list = await items(page, sel);
  const fail = findingFail;
  if (list.some((l) => l.rule === SKIPPED) || diags.some((d) => d.rule === SKIPPED))
    timedOut = true;
  if (list.length !== diags.length)
    fail(`${what}: ${list.length} findings listed, the JSON report has ${diags.length}`);
  diags.forEach((d, k) => {
    const where = `${what}: finding ${k} (${d.rule} "${d.text}")`;
    if (!(k in by) && d.text !== '') return fail(`${where}: no mark`);
    if ((by[k] || '') !== d.text) fail(`${where}: marked "${by[k]}"`);
    const li = list[k];
    if (!li || li.rule !== d.rule || li.severity !== d.severity)
      fail(`${where}: listed as ${JSON.stringify(li)}`);
  });
  return diags.length;
}

async function report(file, expectedPath, outdir) {
  const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
  const b = await browser();
  const page = await b.newPage();
  page.setDefaultTimeout(180000);
  const url = 'file://' + path.resolve(file);
  const seen = watch(page, (u) => u === url);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  let n = 0;
  for (let i = 0; i < expected.files.length; i++) {
    const f = expected.files[i];
    if (!f.diagnostics) continue;
    n += await compare(page, `#file${i}`, f.diagnostics, f.path);
  }
  settle('review');
  // clicking a suggestion puts it in the text
  const d = expected.files[0].diagnostics || [];
  const k = d.findIndex((x) => x.suggestions.length && x.text !== '');
  if (k < 0) fail('no finding with a suggestion to click');
  else {
    const s = d[k].suggestions[0];
    await page.click(`#file0 li[data-f="${k}"] button.sugg`);
    const now = await page.$eval(`#file0 .text mark[data-f~="${k}"]`, (m) => m.textContent);
    if (now !== s) fail(`after clicking "${s}" the text reads "${now}"`);
  }
  // aligned sentences are linked, differing words marked
  const linked = await page.$$eval('#file0 .text .s[data-ref]', (x) => x.length);
  const diff = await page.$$eval('#file0 .d', (x) => x.length);
  if (expected.files[0].reference && !linked) fail('no aligned sentence linked');
  await page.screenshot({ path: path.join(outdir, 'report.png'), fullPage: true });
  // 200 % zoom of a 1280-pixel window: 640 CSS pixels, one column, no
  // sideways scrolling
  await page.setViewport({ width: 640, height: 900 });
  const over = await page.evaluate(() =>
    document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (over > 0) fail(`at 200 % zoom the page scrolls sideways by ${over} px`);
  await page.screenshot({ path: path.join(outdir, 'report-zoom.png') });
  // keyboard: n moves to the next finding, Enter shows it in the text
  await page.keyboard.press('n');
  const focused = await page.evaluate(() => document.activeElement &&
    document.activeElement.getAttribute('data-f'));
  if (focused === null) fail('n did not move the focus to a finding');
  await page.keyboard.press('Enter');
  const current = await page.$$eval('mark.f.current', (x) => x.length);
  if (!current) fail('Enter on a finding did not show it in the text');
  seen.errors.forEach((e) => fail('console: ' + e));
  seen.requests.forEach((u) => fail('request made: ' + u));
  await b.close();
  console.log(`review: ${n} findings in place, ${linked} sentences linked, ` +
    `${diff} differing words, ${failures} failures`);
}

async function live(port, articlePath, refPath, expectedPath, outdir) {
  const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
  const diags = expected.files[0].diagnostics;
  const base = `http://127.0.0.1:${port}`;
  const b = await browser();
  const page = await b.newPage();
  page.setDefaultTimeout(180000);
  const seen = watch(page, (u) => u.startsWith(base + '/') || u.startsWith('blob:'));
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(base + '/', { waitUntil: 'load' });
  const checks = async () => +(await page.$eval('body', (x) => x.getAttribute('data-checks') || 0));
  const waitChecks = (n) => page.waitForFunction(
    (m) => +(document.body.getAttribute('data-checks') || 0) >= m, { timeout: 180000 }, n);
  // the reference first, then the article typed in as a paste would
  await page.$eval('#reference', (t, v) => { t.value = v; }, fs.readFileSync(refPath, 'utf8'));
  await page.$eval('#text', (t, v) => {
    t.value = v;
    t.dispatchEvent(new Event('input', { bubbles: true }));
  }, fs.readFileSync(articlePath, 'utf8'));
  await waitChecks(1);
  const n = await compare(page, '#results section.file', diags, 'live page');
  settle('live page');
  // accept a suggestion: the text changes and is checked again
  const k = diags.findIndex((x) => x.suggestions.length && x.text !== '');
  if (k < 0) fail('no finding with a suggestion to accept');
  else {
    const before = await checks();
    const old = await page.$eval('#text', (t) => t.value);
    const s = diags[k].suggestions[0];
    await page.click(`#results li[data-f="${k}"] button.sugg`);
    await waitChecks(before + 1);
    const now = await page.$eval('#text', (t) => t.value);
    const o16 = Buffer.from(old, 'utf8').subarray(0, diags[k].offset).toString('utf8').length;
    const want = old.slice(0, o16) + s + old.slice(o16 + diags[k].text.length);
    if (now !== want) fail(`accepting "${s}" did not change the text as expected`);
    const left = await page.$$eval('#results ol.findings li', (x) => x.length);
    if (left >= diags.length) fail(`after accepting: ${left} findings (was ${diags.length})`);
  }
  const status = await page.$eval('#status', (s) => s.textContent);
  await page.screenshot({ path: path.join(outdir, 'live.png'), fullPage: true });
  seen.errors.forEach((e) => fail('console: ' + e));
  seen.requests.forEach((u) => fail('request made: ' + u));
  await b.close();
  console.log(`live page: ${n} findings shown, a suggestion accepted and checked again ` +
    `("${status}"), ${failures} failures`);
}

async function time(file) {
  const b = await browser();
  const page = await b.newPage();
  page.setDefaultTimeout(180000);
  const t0 = Date.now();
  await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
  const marks = await page.$$eval('mark.f', (x) => x.length);
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType('navigation')[0];
    return e.loadEventEnd - e.startTime;
  });
  const wall = Date.now() - t0;
  // the main thread's busy time (parse, script, style, layout): what the
  // page costs, whatever else the machine is doing
  const m = await page.metrics();
  await b.close();
  console.log(`${nav.toFixed(0)} ms to the load event (${wall} ms in all; ` +
    `main thread busy ${(m.TaskDuration * 1000).toFixed(0)} ms: script ` +
    `${(m.ScriptDuration * 1000).toFixed(0)}, layout ` +
    `${(m.LayoutDuration * 1000).toFixed(0)}, style ` +
    `${(m.RecalcStyleDuration * 1000).toFixed(0)}), ${marks} marks`);
}

const [mode, ...args] = process.argv.slice(2);
const run = { report, live, time }[mode];
if (!run) {
  console.error('usage: review-test.js report|live|time ...');
  process.exit(2);
}
run(...args).then(() => process.exit(failures ? 1 : 0), (e) => {
  console.error(e);
  process.exit(1);
});
