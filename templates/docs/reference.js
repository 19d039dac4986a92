// The syscall reference page: reads the embedded JSON and builds the table with textContent only
// (spec strings are never parsed as HTML); filtering, sorting, the detail view, URL state, theme.
(() => {
  const data = JSON.parse(document.getElementById('data').textContent);
  const abis = data.abis;
  const abiIndex = new Map(abis.map((a, i) => [a.name, i]));
  const byName = new Map(data.syscalls.map((s) => [s.n, s]));
  const DEFAULT_ABI = abiIndex.has('x86_64') ? 'x86_64' : abis[0] ? abis[0].name : '';
  const STATUS = ['implemented', 'module stub', 'not implemented'];
  const $ = (id) => document.getElementById(id);
  const q = $('q');
  const abiSelect = $('abi');
  const only = $('only');
  const count = $('count');
  const tbody = $('rows');
  const detail = $('detail');

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  const state = { q: '', abi: DEFAULT_ABI, only: false, sort: 'name', dir: 1, open: null };

  // ---- table -----------------------------------------------------------------------------
  const columns = [
    { key: 'name', label: 'Syscall' },
    { key: 'since', label: 'Since' },
    ...abis.map((a) => ({ key: a.name, label: a.name, abi: a })),
  ];
  const cols = $('cols');
  const head = $('head');
  const headEls = new Map();
  const abiCols = [];
  const abiHeads = [];
  for (const c of columns) {
    const col = el('col');
    cols.appendChild(col);
    const th = el('th');
    th.scope = 'col';
    const b = el('button', '', c.label);
    b.type = 'button';
    b.dataset.key = c.key;
    if (c.abi) b.title = `${c.abi.title}: sort by number`;
    th.appendChild(b);
    if (c.abi?.offset)
      th.appendChild(el('span', 'off', `${c.abi.offset.operator} ${c.abi.offset.text}`));
    head.appendChild(th);
    headEls.set(c.key, th);
    if (c.abi) {
      abiCols.push(col);
      abiHeads.push(th);
    }
  }

  const rows = data.syscalls.map((s) => {
    const tr = el('tr');
    tr.tabIndex = 0;
    tr.dataset.name = s.n;
    const th = el('th', '', s.n);
    th.scope = 'row';
    tr.appendChild(th);
    tr.appendChild(el('td', 'since', s.v));
    const tds = [];
    for (let i = 0; i < abis.length; i++) {
      const cell = s.c[i];
      const td = el(
        'td',
        cell ? (cell[4] === 1 ? 'stub' : cell[4] === 2 ? 'ni' : '') : '',
        cell ? cell[0] : '',
      );
      tr.appendChild(td);
      tds.push(td);
    }
    return { s, tr, tds, lname: s.n.toLowerCase() };
  });
  const rowByName = new Map(rows.map((r) => [r.s.n, r]));
  const fragment = document.createDocumentFragment();
  for (const r of rows) fragment.appendChild(r.tr);
  tbody.appendChild(fragment);

  for (const a of abis) {
    const o = el('option', '', `${a.name} — ${a.title}`);
    o.value = a.name;
    abiSelect.appendChild(o);
  }

  // ---- the chosen ABI's column moves next to the names, highlighted ----------------------
  let pinned = -1;
  /** Moves element i of `list` (children of `parent` from `first` on) to `first`, or back. */
  function pinIn(parent, list, first, from, to) {
    if (from >= 0) parent.insertBefore(list[from], list[from + 1] || null);
    if (to >= 0) parent.insertBefore(list[to], parent.children[first] || null);
  }
  function pinAbi() {
    const ai = abiIndex.has(state.abi) ? abiIndex.get(state.abi) : -1;
    if (ai === pinned) return;
    pinIn(cols, abiCols, 2, pinned, ai);
    pinIn(head, abiHeads, 2, pinned, ai);
    for (const r of rows) pinIn(r.tr, r.tds, 2, pinned, ai);
    if (pinned >= 0) {
      abiCols[pinned].className = '';
      abiHeads[pinned].classList.remove('sel');
    }
    if (ai >= 0) {
      abiCols[ai].className = 'sel';
      abiHeads[ai].classList.add('sel');
    }
    pinned = ai;
  }

  // ---- filter and sort -------------------------------------------------------------------
  /** A number query: decimal or 0x hex; null for a name query. */
  function numberQuery(text) {
    if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
    if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text, 16);
    return null;
  }

  function applyFilter() {
    const text = state.q.trim();
    const n = numberQuery(text);
    const lower = text.toLowerCase();
    const ai = abiIndex.get(state.abi);
    let shown = 0;
    for (const r of rows) {
      const cell = ai === undefined ? undefined : r.s.c[ai];
      let ok = !(state.only && !cell);
      if (ok && text)
        ok = n !== null ? !!cell && (cell[0] === n || cell[1] === n) : r.lname.includes(lower);
      r.tr.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = `Showing ${shown} of ${rows.length} system calls`;
    pinAbi();
  }

  function versionKey(v) {
    return v ? v.split('.').map((x) => Number.parseInt(x, 10) || 0) : null;
  }

  function compareVersions(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] || 0) - (b[i] || 0);
      if (d) return d;
    }
    return 0;
  }

  function applySort() {
    const { sort, dir } = state;
    const ai = abiIndex.get(sort);
    const byNameCmp = (x, y) => (x.s.n < y.s.n ? -1 : x.s.n > y.s.n ? 1 : 0);
    const keyed = rows.slice();
    keyed.sort((x, y) => {
      if (sort === 'name') return dir * byNameCmp(x, y);
      if (sort === 'since') {
        const a = versionKey(x.s.v);
        const b = versionKey(y.s.v);
        if (!a || !b) return (a ? -1 : b ? 1 : 0) || byNameCmp(x, y);
        return dir * compareVersions(a, b) || byNameCmp(x, y);
      }
      const a = ai === undefined ? undefined : x.s.c[ai];
      const b = ai === undefined ? undefined : y.s.c[ai];
      // Syscalls without a number on that ABI go last in either direction.
      if (!a || !b) return (a ? -1 : b ? 1 : 0) || byNameCmp(x, y);
      return dir * (a[0] - b[0]) || byNameCmp(x, y);
    });
    const f = document.createDocumentFragment();
    for (const r of keyed) f.appendChild(r.tr);
    tbody.appendChild(f);
    for (const [key, th] of headEls) {
      if (key === sort) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
  }

  // ---- detail view -----------------------------------------------------------------------
  function numberText(abi, cell) {
    const nr = cell[0];
    return abi.offset ? `${abi.offset.text} ${abi.offset.operator} ${nr} = ${cell[1]}` : String(nr);
  }

  /** `char __user *buf` from [type, name]: as the kernel spells it. */
  function decl(p) {
    if (!p[1]) return p[0];
    return p[0].endsWith('*') ? `${p[0]}${p[1]}` : `${p[0]} ${p[1]}`;
  }

  function argsList(s, abi) {
    if (!s.p) return el('span', 'note', 'signature unknown');
    if (s.p.length === 0) return el('span', 'note', 'none');
    const ul = el('ul', 'args');
    s.p.forEach((p, i) => {
      const reg = abi.calling.argRegisters[i];
      const li = el('li');
      li.appendChild(el('code', '', reg === undefined ? '(no register)' : reg));
      li.appendChild(document.createTextNode(' ← '));
      li.appendChild(el('code', '', decl(p)));
      if (p[2] && abi.bits === 32) {
        const w = el('span', 'wide', ' †');
        w.title = '64-bit value on a 32-bit ABI: may take a register pair';
        li.appendChild(w);
      }
      ul.appendChild(li);
    });
    return ul;
  }

  function entryNode(s, cell) {
    const frag = document.createDocumentFragment();
    const name = cell[2] === 1 ? `sys_${s.n}` : cell[2];
    if (name) frag.appendChild(el('code', '', name));
    if (cell[3]) {
      frag.appendChild(document.createTextNode(' compat '));
      frag.appendChild(el('code', '', cell[3]));
    }
    if (cell[5]) frag.appendChild(document.createTextNode(' (noreturn)'));
    if (cell[4])
      frag.appendChild(el('div', cell[4] === 1 ? 'status-stub' : 'status-ni', STATUS[cell[4]]));
    return frag;
  }

  function returns(abi) {
    return [abi.calling.returnRegister, abi.calling.return2Register].filter(Boolean).join(', ');
  }

  function definitionList(items) {
    const dl = el('dl');
    for (const [term, value] of items) {
      dl.appendChild(el('dt', '', term));
      const dd = el('dd');
      if (value instanceof Node) dd.appendChild(value);
      else dd.textContent = value;
      dl.appendChild(dd);
    }
    return dl;
  }

  /** The chosen ABI first: how to make this call there, register by register. */
  function chosenAbi(s) {
    const ai = abiIndex.get(state.abi);
    const abi = abis[ai];
    const section = el('section', 'chosen');
    section.appendChild(el('h3', '', `On ${state.abi}`));
    const cell = ai === undefined ? undefined : s.c[ai];
    if (!abi || !cell) {
      section.appendChild(el('p', 'note', `No number on ${state.abi}.`));
      return section;
    }
    const c = abi.calling;
    const items = [
      ['Number', `${numberText(abi, cell)} (0x${cell[1].toString(16)})`],
      ['Entry point', entryNode(s, cell)],
      ['Instruction', el('code', '', c.instruction)],
      ['Number in', c.numberRegister ? el('code', '', c.numberRegister) : 'the instruction'],
      ['Arguments', argsList(s, abi)],
      ['Returns in', el('code', '', returns(abi))],
    ];
    if (c.errorRegister) items.push(['Error in', el('code', '', c.errorRegister)]);
    if (c.notes) items.push(['Note', c.notes]);
    section.appendChild(definitionList(items));
    return section;
  }

  function renderDetail(s) {
    detail.replaceChildren();
    const bar = el('div', 'bar');
    const h = el('h2', '', s.n);
    h.id = 'detail-name';
    bar.appendChild(h);
    const close = el('button', '', 'Close');
    close.type = 'button';
    close.id = 'detail-close';
    close.title = 'Close (Esc)';
    close.addEventListener('click', () => closeDetail());
    bar.appendChild(close);
    detail.appendChild(bar);

    const params = s.p ? s.p.map(decl).join(', ') : null;
    const items = [
      ['Signature', s.p ? el('code', '', `long sys_${s.n}(${params || 'void'})`) : 'unknown'],
    ];
    if (s.m) items.push(['Man page', s.m]);
    if (s.v) items.push(['Since', `Linux ${s.v}`]);
    if (s.s) items.push(['Status', s.t ? `module stub: ${s.t}` : 'module stub']);
    else if (s.r) items.push(['Status', 'reserved: no ABI implements it']);
    detail.appendChild(definitionList(items));
    detail.appendChild(chosenAbi(s));

    detail.appendChild(el('h3', '', 'Every ABI'));
    const table = el('table');
    const thead = el('thead');
    const hr = el('tr');
    for (const label of [
      'ABI',
      'Number',
      'Hex',
      'Entry point',
      'Instruction',
      'Number in',
      'Arguments',
      'Returns in',
    ]) {
      const th = el('th', '', label);
      th.scope = 'col';
      hr.appendChild(th);
    }
    thead.appendChild(hr);
    table.appendChild(thead);
    const body = el('tbody');
    const absent = [];
    let wide = false;
    abis.forEach((abi, i) => {
      const cell = s.c[i];
      if (!cell) {
        absent.push(abi.name);
        return;
      }
      const tr = el('tr', abi.name === state.abi ? 'sel' : '');
      const th = el('th', '', abi.name);
      th.scope = 'row';
      th.title = abi.title;
      tr.appendChild(th);
      tr.appendChild(el('td', 'mono', numberText(abi, cell)));
      tr.appendChild(el('td', 'mono', `0x${cell[1].toString(16)}`));
      const entry = el('td');
      entry.appendChild(entryNode(s, cell));
      tr.appendChild(entry);
      tr.appendChild(el('td', 'mono', abi.calling.instruction));
      tr.appendChild(el('td', 'mono', abi.calling.numberRegister || 'in the instruction'));
      const args = el('td');
      args.appendChild(argsList(s, abi));
      tr.appendChild(args);
      tr.appendChild(el('td', 'mono', returns(abi)));
      if (s.p && abi.bits === 32 && s.p.some((p) => p[2])) wide = true;
      body.appendChild(tr);
    });
    table.appendChild(body);
    detail.appendChild(table);
    if (wide)
      detail.appendChild(
        el(
          'p',
          'note',
          '† A 64-bit value on a 32-bit ABI: where registers are 32 bits wide it takes a register pair, which some ABIs align to an even pair (syscall(2)); that and later registers are indicative.',
        ),
      );
    if (absent.length) detail.appendChild(el('p', 'note', `No number on: ${absent.join(', ')}.`));
  }

  let lastRow = null;
  function openDetail(name, focus) {
    const s = byName.get(name);
    if (!s) return;
    state.open = name;
    renderDetail(s);
    detail.hidden = false;
    for (const r of rows) r.tr.classList.toggle('open', r.s.n === name);
    if (focus) detail.focus();
  }

  function closeDetail() {
    if (state.open === null) return;
    const row = rowByName.get(state.open);
    state.open = null;
    detail.hidden = true;
    detail.replaceChildren();
    if (row) row.tr.classList.remove('open');
    writeHash();
    const back = lastRow || (row ? row.tr : null);
    if (back && !back.hidden) back.focus();
  }

  // ---- URL state: #abi=x86_64&q=open, #openat ----------------------------------------------
  let written = null;
  function hashOf() {
    const parts = [];
    if (state.open) parts.push(encodeURIComponent(state.open));
    const plain =
      state.abi === DEFAULT_ABI &&
      !state.q &&
      !state.only &&
      state.sort === 'name' &&
      state.dir === 1;
    if (!plain) {
      parts.push(`abi=${encodeURIComponent(state.abi)}`);
      if (state.q) parts.push(`q=${encodeURIComponent(state.q)}`);
      if (state.only) parts.push('only=1');
      if (state.sort !== 'name' || state.dir !== 1)
        parts.push(`sort=${state.dir < 0 ? '-' : ''}${encodeURIComponent(state.sort)}`);
    }
    return parts.join('&');
  }

  function writeHash() {
    const hash = hashOf();
    written = hash;
    const url = `${location.href.split('#')[0]}${hash ? `#${hash}` : ''}`;
    try {
      history.replaceState(null, '', url);
    } catch {
      location.hash = hash;
    }
  }

  function readHash() {
    const raw = location.hash.replace(/^#/, '');
    const next = { q: '', abi: DEFAULT_ABI, only: false, sort: 'name', dir: 1, open: null };
    for (const part of raw.split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      let key = '';
      let value = '';
      try {
        key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
        value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      } catch {
        continue;
      }
      if (eq < 0) {
        if (byName.has(key)) next.open = key;
      } else if (key === 'abi' && abiIndex.has(value)) next.abi = value;
      else if (key === 'q') next.q = value;
      else if (key === 'only') next.only = value === '1' || value === 'true';
      else if (key === 'sort') {
        const desc = value.startsWith('-');
        const k = desc ? value.slice(1) : value;
        if (k === 'name' || k === 'since' || abiIndex.has(k)) {
          next.sort = k;
          next.dir = desc ? -1 : 1;
        }
      } else if (key === 'open' && byName.has(value)) next.open = value;
    }
    return next;
  }

  function applyState(next, focus) {
    Object.assign(state, next, { open: state.open });
    q.value = state.q;
    abiSelect.value = state.abi;
    only.checked = state.only;
    applyFilter();
    applySort();
    if (next.open) openDetail(next.open, focus);
    else if (state.open) {
      state.open = null;
      detail.hidden = true;
    }
  }

  window.addEventListener('hashchange', () => {
    if (location.hash.replace(/^#/, '') === written) return;
    applyState(readHash(), true);
  });

  // ---- events ------------------------------------------------------------------------------
  q.addEventListener('input', () => {
    state.q = q.value;
    applyFilter();
    writeHash();
  });
  abiSelect.addEventListener('change', () => {
    state.abi = abiSelect.value;
    applyFilter();
    if (state.open) renderDetail(byName.get(state.open));
    writeHash();
  });
  only.addEventListener('change', () => {
    state.only = only.checked;
    applyFilter();
    writeHash();
  });
  head.addEventListener('click', (event) => {
    const b = event.target.closest('button');
    if (!b) return;
    const key = b.dataset.key;
    state.dir = state.sort === key ? -state.dir : 1;
    state.sort = key;
    applySort();
    writeHash();
  });

  function visibleRows() {
    return Array.from(tbody.rows).filter((tr) => !tr.hidden);
  }

  function openRow(tr) {
    lastRow = tr;
    openDetail(tr.dataset.name, true);
    writeHash();
  }

  tbody.addEventListener('click', (event) => {
    const tr = event.target.closest('tr');
    if (tr) openRow(tr);
  });
  tbody.addEventListener('keydown', (event) => {
    const tr = event.target.closest('tr');
    if (!tr) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openRow(tr);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const list = visibleRows();
      const i = list.indexOf(tr) + (event.key === 'ArrowDown' ? 1 : -1);
      if (i >= 0 && i < list.length) list[i].focus();
      else if (i < 0) q.focus();
    }
  });
  q.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter') {
      const first = visibleRows()[0];
      if (!first) return;
      event.preventDefault();
      if (event.key === 'Enter') openRow(first);
      else first.focus();
    }
  });
  document.addEventListener('keydown', (event) => {
    const t = event.target;
    const typing =
      t instanceof HTMLInputElement ||
      t instanceof HTMLSelectElement ||
      t instanceof HTMLTextAreaElement;
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      q.focus();
      q.select();
    } else if (event.key === 'Escape') {
      if (state.open !== null) {
        event.preventDefault();
        closeDetail();
      } else if (t === q && q.value) {
        event.preventDefault();
        q.value = '';
        state.q = '';
        applyFilter();
        writeHash();
      }
    }
  });

  // ---- theme: follow the system, or the toggle's choice (kept in localStorage) -------------
  const themeButton = $('theme');
  const THEMES = ['auto', 'dark', 'light'];
  function setTheme(theme) {
    document.documentElement.dataset.theme = theme;
    themeButton.textContent = `Theme: ${theme}`;
  }
  let savedTheme = 'auto';
  try {
    savedTheme = localStorage.getItem('syscalltbl-theme') || 'auto';
  } catch {
    // file:// pages may have no storage; the toggle still works for this visit.
  }
  setTheme(THEMES.includes(savedTheme) ? savedTheme : 'auto');
  themeButton.addEventListener('click', () => {
    const next =
      THEMES[(THEMES.indexOf(document.documentElement.dataset.theme) + 1) % THEMES.length];
    setTheme(next);
    try {
      localStorage.setItem('syscalltbl-theme', next);
    } catch {
      // as above
    }
  });

  applyState(readHash(), false);
  document.documentElement.dataset.ready = '1';
})();
