/* mtlint review page (checker/report/review.h): filters, keyboard
 * navigation, aligned sentences lit together, suggestions accepted or
 * dismissed; on the live page of `mtlint serve` (form.live), checking as
 * one types through the server's /v1/check.  No network but that. */
(function () {
  'use strict';

  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }

  /* A section's findings and marks by number, indexed once: a page of a
   * long article has thousands of each. */
  function index(section) {
    if (section.mtlintIndex) return section.mtlintIndex;
    var ix = { items: {}, marks: {}, all: all(section, '.text mark.f') };
    all(section, 'ol.findings li').forEach(function (li) {
      ix.items[li.getAttribute('data-f')] = li;
    });
    ix.all.forEach(function (m) {
      m.getAttribute('data-f').split(' ').forEach(function (f) {
        (ix.marks[f] = ix.marks[f] || []).push(m);
      });
    });
    section.mtlintIndex = ix;
    return ix;
  }

  function marksOf(section, f) { return index(section).marks[f] || []; }

  function findingOf(section, f) { return index(section).items[f] || null; }

  /* marks whose findings are all hidden, dismissed or fixed look plain */
  function refreshMarks(section) {
    index(section).all.forEach(function (m) {
      var shown = m.getAttribute('data-f').split(' ').some(function (f) {
        var li = findingOf(section, f);
        return li && !li.classList.contains('hidden') &&
          !li.classList.contains('dismissed');
      });
      if (m.classList.contains('off') === shown) m.classList.toggle('off', !shown);
    });
  }

  function addFilter(section, box, label, attr) {
    var values = {};
    all(section, 'ol.findings li').forEach(function (li) {
      values[li.getAttribute(attr)] = 1;
    });
    var keys = Object.keys(values).sort();
    if (keys.length < 2) return null;
    var l = document.createElement('label');
    l.textContent = label;
    var s = document.createElement('select');
    s.setAttribute('data-attr', attr);
    var o = document.createElement('option');
    o.value = ''; o.textContent = 'all';
    s.appendChild(o);
    keys.forEach(function (k) {
      var e = document.createElement('option');
      e.value = k; e.textContent = k;
      s.appendChild(e);
    });
    l.appendChild(s);
    box.appendChild(l);
    return s;
  }

  function applyFilters(section) {
    var sel = all(section, '.filters select');
    all(section, 'ol.findings li').forEach(function (li) {
      var ok = sel.every(function (s) {
        return !s.value || li.getAttribute(s.getAttribute('data-attr')) === s.value;
      });
      li.classList.toggle('hidden', !ok);
    });
    refreshMarks(section);
  }

  function setCurrent(section, f) {
    all(document, '.current').forEach(function (e) { e.classList.remove('current'); });
    var li = findingOf(section, f);
    if (li) li.classList.add('current');
    var ms = marksOf(section, f);
    ms.forEach(function (m) { m.classList.add('current'); });
    return ms;
  }

  /* accepting a suggestion in a static report: the text changes in place */
  function acceptInPlace(section, f, value) {
    var ms = marksOf(section, f);
    ms.forEach(function (m, i) {
      m.textContent = i === 0 ? value : '';
      m.classList.add('fixed');
      m.classList.remove('z');
    });
    var li = findingOf(section, f);
    if (li) li.classList.add('fixed');
  }

  function linkSentences(section, s, on) {
    var side = s.closest('.text') ? 'text' : 'ref';
    var other = side === 'text' ? '.ref' : '.text';
    var ids = side === 'text' ? (s.getAttribute('data-ref') || '')
      : (s.getAttribute('data-art') || '');
    s.classList.toggle('linked', on && ids !== '');
    ids.split(' ').forEach(function (i) {
      if (i === '') return;
      var t = section.querySelector(other + ' .s[data-s="' + i + '"]');
      if (t) t.classList.toggle('linked', on);
    });
  }

  function initSection(section, hooks) {
    var box = section.querySelector('.filters');
    if (box && !box.hasChildNodes()) {
      [['Category', 'data-category'], ['Severity', 'data-severity'],
        ['Rule', 'data-rule']].forEach(function (p) {
        var s = addFilter(section, box, p[0], p[1]);
        if (s) s.addEventListener('change', function () { applyFilters(section); });
      });
    }
    section.addEventListener('click', function (ev) {
      var t = ev.target;
      if (!(t instanceof Element)) return;
      var b = t.closest('button.sugg');
      if (b) {
        var f = b.getAttribute('data-f'), v = b.getAttribute('data-v');
        if (hooks && hooks.accept) hooks.accept(section, findingOf(section, f), v);
        else acceptInPlace(section, f, v);
        return;
      }
      var d = t.closest('button.dismiss');
      if (d) {
        var li = d.closest('li');
        li.classList.add('dismissed');
        if (hooks && hooks.dismiss) hooks.dismiss(li);
        refreshMarks(section);
        return;
      }
      var m = t.closest('mark.f');
      if (m) {
        var first = m.getAttribute('data-f').split(' ')[0];
        setCurrent(section, first);
        var item = findingOf(section, first);
        if (item) item.focus();
      }
    });
    section.addEventListener('focusin', function (ev) {
      var li = ev.target instanceof Element && ev.target.closest('ol.findings li');
      if (li) setCurrent(section, li.getAttribute('data-f'));
    });
    ['mouseover', 'mouseout'].forEach(function (type) {
      section.addEventListener(type, function (ev) {
        var s = ev.target instanceof Element && ev.target.closest('.s');
        if (s) linkSentences(section, s, type === 'mouseover');
      });
    });
    if (section.querySelector('li.dismissed')) refreshMarks(section);
  }

  function visibleFindings() {
    return all(document, 'ol.findings li').filter(function (li) {
      return !li.classList.contains('hidden') && !li.classList.contains('dismissed');
    });
  }

  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if (t instanceof Element && t.closest('textarea, input, select')) return;
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var list = visibleFindings();
    var at = list.indexOf(document.activeElement);
    if (ev.key === 'n' || ev.key === 'p') {
      if (!list.length) return;
      var next = ev.key === 'n' ? (at + 1) % list.length
        : (at <= 0 ? list.length - 1 : at - 1);
      list[next].focus();
      ev.preventDefault();
    } else if (ev.key === 'Enter' && at >= 0) {
      var li = list[at];
      var ms = setCurrent(li.closest('section.file'), li.getAttribute('data-f'));
      if (ms.length) ms[0].scrollIntoView({ block: 'center' });
      ev.preventDefault();
    }
  });

  /* --- the live page ----------------------------------------------------- */

  function live(form) {
    var text = form.querySelector('#text');
    var ref = form.querySelector('#reference');
    var status = document.getElementById('status');
    var results = document.getElementById('results');
    var timer = null, seq = 0, lastPage = null, dismissed = {};
    var state = { checks: 0 };

    function say(msg, error) {
      status.textContent = msg;
      status.classList.toggle('error', !!error);
    }

    function key(li) {
      return li.getAttribute('data-rule') + '\u0000' +
        li.querySelector('q').textContent;
    }

    function show(page) {
      var doc = new DOMParser().parseFromString(page, 'text/html');
      var section = doc.querySelector('section.file');
      results.textContent = '';
      if (!section) { say('No answer', true); return; }
      section = document.importNode(section, true);
      results.appendChild(section);
      all(section, 'ol.findings li').forEach(function (li) {
        if (dismissed[key(li)]) li.classList.add('dismissed');
      });
      initSection(section, hooks);
      var n = all(section, 'ol.findings li').length;
      say(n + (n === 1 ? ' finding' : ' findings'));
    }

    function check() {
      var my = ++seq;
      timer = null;
      if (!text.value) {
        results.textContent = '';
        say('');
        state.checks++;
        document.body.setAttribute('data-checks', state.checks);
        return Promise.resolve();
      }
      say('Checking\u2026');
      var body = new URLSearchParams();
      body.set('text', text.value);
      if (ref.value) body.set('reference', ref.value);
      body.set('report', 'html');
      return fetch('/v1/check', { method: 'POST', body: body })
        .then(function (r) {
          return r.text().then(function (t) { return { ok: r.ok, status: r.status, t: t }; });
        })
        .then(function (a) {
          if (my !== seq) return;
          if (!a.ok) {
            var msg = a.t;
            try { msg = JSON.parse(a.t).error; } catch (e) { /* not JSON */ }
            say('Error ' + a.status + ': ' + msg, true);
          } else {
            lastPage = a.t;
            show(a.t);
          }
        }, function (e) {
          if (my === seq) say('The server did not answer: ' + e.message, true);
        })
        .then(function () {
          if (my !== seq) return;
          state.checks++;
          document.body.setAttribute('data-checks', state.checks);
        });
    }

    function later() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(check, 500);
    }

    var hooks = {
      accept: function (section, li, value) {
        var o = +li.getAttribute('data-o16'), l = +li.getAttribute('data-l16');
        var v = text.value;
        text.value = v.slice(0, o) + value + v.slice(o + l);
        li.classList.add('fixed');
        check();
      },
      dismiss: function (li) { dismissed[key(li)] = 1; }
    };

    function download(name, type, data) {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([data], { type: type }));
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    }

    text.addEventListener('input', later);
    ref.addEventListener('input', later);
    form.addEventListener('submit', function (ev) { ev.preventDefault(); check(); });
    form.querySelector('#download-text').addEventListener('click', function () {
      download('corrected.txt', 'text/plain;charset=utf-8', text.value);
    });
    form.querySelector('#download-report').addEventListener('click', function () {
      if (lastPage) download('mtlint-report.html', 'text/html;charset=utf-8', lastPage);
    });
    [['#text-file', text], ['#reference-file', ref]].forEach(function (p) {
      form.querySelector(p[0]).addEventListener('change', function (ev) {
        var f = ev.target.files[0];
        if (!f) return;
        f.text().then(function (t) { p[1].value = t; check(); });
      });
    });
    window.mtlintLive = { check: check, state: state };
  }

  all(document, 'section.file').forEach(function (s) { initSection(s, null); });
  var form = document.querySelector('form.live');
  if (form) live(form);
}());
