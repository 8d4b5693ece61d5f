// The Kinerja task pane in Excel: "Periksa" sends the open workbook to `kinerja serve` and lists
// the findings by sheet; "Isi" asks the server for the fill as edits (POST /api/v1/edits) and
// applies them through the Excel JavaScript API, so the workbook is never rewritten.
// Text from the workbook or the server only ever reaches the page as text (textContent).
// Under Node (tests/addin) the same functions are exported; in the pane they run on load.
(function (root) {
  'use strict';

  const TEXT = {
    id: {
      loading: 'Memuat…',
      intro: 'Periksa buku kerja yang terbuka, atau isi sel yang dihitung langsung di buku kerja ini.',
      periksa: 'Periksa',
      isi: 'Isi',
      'token.title': 'Token akses (bila server memintanya)',
      'token.label': 'Token dari operator wilayah',
      outside: 'Panel ini harus dibuka di dalam Excel (Excel untuk Windows, Mac atau web) lewat add-in Kinerja. Lihat docs/addin.md untuk memasangnya.',
      notExcel: 'Add-in Kinerja hanya bekerja di Excel.',
      old: 'Excel ini terlalu lama untuk Kinerja: perlu Excel 2019, Excel 2021, Microsoft 365 atau Excel di web (ExcelApi {0}). Perbarui Office, atau pakai halaman web Kinerja.',
      reading: 'Membaca buku kerja…',
      checking: 'Memeriksa…',
      filling: 'Mengisi…',
      writing: 'Menulis {0} dari {1} sel…',
      ready: 'Siap.',
      none: 'Tidak ada temuan.',
      found: '{0} galat, {1} peringatan.',
      filled: 'Selesai: {0} sel ditulis, {1} catatan, {2} sorotan. {3} galat, {4} peringatan.',
      protectedSheet: 'Sheet "{0}" diproteksi dan sel {1} terkunci, padahal Kinerja perlu mengisinya. Tidak ada yang diubah. Buka proteksi sheet (Tinjau > Buka Proteksi Sheet) atau buka kunci sel yang dihitung, lalu coba lagi.',
      protectedMarks: 'Sheet "{0}" diproteksi tanpa izin memformat sel dan mengubah objek, padahal Kinerja perlu menambah sorotan dan catatan di sana. Tidak ada yang diubah. Buka proteksi sheet, atau proteksi ulang dengan mencentang "Format sel" dan "Edit objek", lalu coba lagi.',
      protectedBook: 'Struktur buku kerja diproteksi, sehingga sheet Validasi tidak dapat ditambahkan. Tidak ada yang diubah. Buka proteksi buku kerja (Tinjau > Proteksi Buku Kerja), lalu coba lagi.',
      noNotes: 'Catatan tidak ditulis: Excel ini belum mendukung catatan lewat add-in.',
      server: 'Server Kinerja tidak dapat dihubungi: {0}',
      error: 'Galat',
      warning: 'Peringatan',
      hidden: 'tersembunyi',
    },
    en: {
      loading: 'Loading…',
      intro: 'Check the open workbook, or fill the computed cells right in this workbook.',
      periksa: 'Check',
      isi: 'Fill',
      'token.title': 'Access token (if the server asks for one)',
      'token.label': 'Token from the regional operator',
      outside: 'This pane must be opened inside Excel (Excel for Windows, Mac or the web) through the Kinerja add-in. See docs/addin.md to install it.',
      notExcel: 'The Kinerja add-in works in Excel only.',
      old: 'This Excel is too old for Kinerja: it needs Excel 2019, Excel 2021, Microsoft 365 or Excel on the web (ExcelApi {0}). Update Office, or use the Kinerja web page.',
      reading: 'Reading the workbook…',
      checking: 'Checking…',
      filling: 'Filling…',
      writing: 'Writing {0} of {1} cells…',
      ready: 'Ready.',
      none: 'No findings.',
      found: '{0} errors, {1} warnings.',
      filled: 'Done: {0} cells written, {1} notes, {2} highlights. {3} errors, {4} warnings.',
      protectedSheet: 'Sheet "{0}" is protected and cell {1} is locked, but Kinerja needs to fill it. Nothing was changed. Unprotect the sheet (Review > Unprotect Sheet) or unlock the computed cells, then try again.',
      protectedMarks: 'Sheet "{0}" is protected without allowing cell formatting and object editing, but Kinerja needs to add highlights and notes there. Nothing was changed. Unprotect the sheet, or protect it again with "Format cells" and "Edit objects" ticked, then try again.',
      protectedBook: 'The workbook structure is protected, so the Validasi sheet cannot be added. Nothing was changed. Unprotect the workbook (Review > Protect Workbook), then try again.',
      noNotes: 'Notes were not written: this Excel does not support notes from add-ins yet.',
      server: 'The Kinerja server cannot be reached: {0}',
      error: 'Error',
      warning: 'Warning',
      hidden: 'hidden',
    },
  };

  const MIN_EXCEL_API = '1.7'; // worksheet tab colours, freeze panes, hyperlinks, protection
  const BATCH = 500; // cell edits per sync
  const MARKER = '="kinerja"="kinerja"'; // Kinerja's highlight rule, as `kinerja fill` writes it

  let lang = 'id';
  function t(key, ...args) {
    const text = (TEXT[lang] && TEXT[lang][key]) || TEXT.id[key] || key;
    return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  }
  function setLanguage(office) {
    const display = (office && office.context && office.context.displayLanguage) || '';
    lang = /^en/i.test(display) ? 'en' : 'id';
    return lang;
  }

  // null when this Excel can run the pane, else the message to show.
  function requirementProblem(office) {
    const req = office && office.context && office.context.requirements;
    if (!req || !req.isSetSupported('ExcelApi', MIN_EXCEL_API)) return t('old', MIN_EXCEL_API);
    return null;
  }

  // The open workbook's bytes: Office's compressed file (the .xlsx), read slice by slice.
  function readWorkbook(office) {
    const call = (fn, ...args) =>
      new Promise((resolve, reject) =>
        fn(...args, (result) =>
          result.status === 'succeeded' || result.status === office.AsyncResultStatus?.Succeeded
            ? resolve(result.value)
            : reject(new Error((result.error && result.error.message) || 'getFileAsync'))));
    const doc = office.context.document;
    return call(doc.getFileAsync.bind(doc), office.FileType.Compressed, { sliceSize: 4194304 })
      .then(async (file) => {
        const parts = [];
        let size = 0;
        try {
          for (let i = 0; i < file.sliceCount; i++) {
            const slice = await call(file.getSliceAsync.bind(file), i);
            const bytes = Uint8Array.from(slice.data);
            parts.push(bytes);
            size += bytes.length;
          }
        } finally {
          file.closeAsync(() => {});
        }
        const all = new Uint8Array(size);
        let at = 0;
        for (const p of parts) {
          all.set(p, at);
          at += p.length;
        }
        return all;
      });
  }

  // POST the workbook to the server; the JSON answer, or an Error with the server's message.
  async function post(path, bytes, env) {
    const headers = { 'Content-Type': 'application/octet-stream', Accept: 'application/json' };
    if (env.token) headers.Authorization = 'Bearer ' + env.token;
    let reply;
    try {
      reply = await env.fetch(env.base + path + '?lang=' + lang + '&name=buku-kerja.xlsx', {
        method: 'POST', headers, body: bytes,
      });
    } catch (e) {
      throw new Error(t('server', e.message));
    }
    const body = await reply.json().catch(() => null);
    if (!reply.ok) throw new Error((body && body.error && body.error.message) || 'HTTP ' + reply.status);
    return body;
  }

  // Findings grouped by sheet, in the order the server lists them.
  function groupFindings(findings) {
    const groups = new Map();
    for (const f of findings) {
      if (!groups.has(f.sheet)) groups.set(f.sheet, []);
      groups.get(f.sheet).push(f);
    }
    return groups;
  }

  async function periksa(env) {
    const bytes = await readWorkbook(env.Office);
    const report = await post('/api/v1/validate', bytes, env);
    return { report, groups: groupFindings(report.findings) };
  }

  function selectCell(Excel, sheet, cell) {
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  // A text that Excel would read as something else when typed gets its text prefix.
  function typed(edit) {
    if (edit.type !== 'text') return edit.value === null ? '' : edit.value;
    const text = String(edit.value);
    const number = text.trim() !== '' && !Number.isNaN(Number(text.replace(',', '.')));
    const risky = /^[=+\-@'#]/.test(text) || number || /^(true|false|benar|salah)$/i.test(text) ||
      /^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/.test(text) || /^\s|\s$/.test(text) || /%$/.test(text);
    return risky ? "'" + text : text;
  }

  // Before anything is written: a locked cell to fill on a protected sheet, or a protected
  // workbook structure when sheets are to be added or removed. The message, or null.
  async function protectionProblem(context, edits) {
    const added = new Set(edits.sheets.filter((s) => s.action === 'add').map((s) => s.name));
    const bySheet = new Map();
    const entry = (name) => {
      if (!bySheet.has(name)) bySheet.set(name, { cells: [], marks: false });
      return bySheet.get(name);
    };
    for (const e of edits.cells) if (!added.has(e.sheet)) entry(e.sheet).cells.push(e.cell);
    for (const m of [...edits.highlights, ...edits.notes]) if (!added.has(m.sheet)) entry(m.sheet).marks = true;
    const wb = context.workbook;
    const sheets = [...bySheet.keys()].map((name) => {
      const ws = wb.worksheets.getItem(name);
      ws.protection.load('protected,options');
      return [name, ws];
    });
    if (edits.sheets.length) wb.protection.load('protected');
    await context.sync();
    if (edits.sheets.length && wb.protection.protected) return t('protectedBook');
    for (const [name, ws] of sheets) {
      if (!ws.protection.protected) continue;
      const ranges = bySheet.get(name).cells.map((cell) => {
        const r = ws.getRange(cell);
        r.format.protection.load('locked');
        return [cell, r];
      });
      await context.sync();
      const locked = ranges.find(([, r]) => r.format.protection.locked !== false);
      if (locked) return t('protectedSheet', name, locked[0]);
      const options = ws.protection.options || {};
      if (bySheet.get(name).marks && !(options.allowFormatCells && options.allowEditObjects))
        return t('protectedMarks', name);
    }
    return null;
  }

  function columnPoints(width) {
    return Math.round(width * 5.6 * 100) / 100; // characters of Calibri 11 to points
  }

  // Applies the edits of POST /api/v1/edits to the open workbook. Returns what was done, or
  // { problem } when a protection stops it before anything is written.
  async function applyEdits(Excel, office, edits, progress) {
    return Excel.run(async (context) => {
      const problem = await protectionProblem(context, edits);
      if (problem) return { problem };
      const wb = context.workbook;
      const req = office.context.requirements;
      for (const s of edits.sheets.filter((x) => x.action === 'remove'))
        wb.worksheets.getItem(s.name).delete();
      const added = [];
      for (const s of edits.sheets.filter((x) => x.action === 'add')) {
        const ws = wb.worksheets.add(s.name);
        if (s.tab_color) ws.tabColor = s.tab_color;
        added.push([s, ws]);
      }
      await context.sync();
      let written = 0;
      const total = edits.cells.length;
      for (let i = 0; i < total; i += BATCH) {
        for (const e of edits.cells.slice(i, i + BATCH)) {
          const r = wb.worksheets.getItem(e.sheet).getRange(e.cell);
          if (e.clear) {
            r.clear('Contents');
            continue;
          }
          if (e.number_format !== undefined) r.numberFormat = [[e.number_format]];
          if (e.formula !== undefined) r.formulas = [[e.formula]];
          else r.values = [[typed(e)]];
        }
        await context.sync();
        written = Math.min(total, i + BATCH);
        if (progress) progress(t('writing', written, total));
      }
      for (const [s, ws] of added) {
        for (const w of s.column_widths)
          ws.getRange(w.column + ':' + w.column).format.columnWidth = columnPoints(w.width);
        if (s.header_rows > 0) ws.getRange('1:' + s.header_rows).format.font.bold = true;
        if (s.frozen_rows > 0) ws.freezePanes.freezeRows(s.frozen_rows);
        for (const l of s.links) {
          const cell = edits.cells.find((c) => c.sheet === s.name && c.cell === l.cell);
          ws.getRange(l.cell).hyperlink = {
            documentReference: l.target,
            screenTip: l.tooltip || undefined,
            textToDisplay: cell ? String(cell.value) : l.target,
          };
        }
      }
      // Highlights: earlier ones removed first, then Kinerja's custom rules.
      const removals = edits.highlights.filter((h) => h.remove).map((h) => {
        const formats = wb.worksheets.getItem(h.sheet).getRange(h.cell).conditionalFormats;
        formats.load('items/type');
        return formats;
      });
      if (removals.length) await context.sync();
      const customs = [];
      for (const formats of removals)
        for (const cf of formats.items)
          if (cf.type === 'Custom') {
            cf.custom.rule.load('formula');
            customs.push(cf);
          }
      if (customs.length) await context.sync();
      for (const cf of customs) if (cf.custom.rule.formula === MARKER) cf.delete();
      let highlights = 0;
      for (const h of edits.highlights.filter((x) => !x.remove)) {
        const cf = wb.worksheets.getItem(h.sheet).getRange(h.cell).conditionalFormats.add('Custom');
        cf.custom.rule.formula = MARKER;
        cf.custom.format.fill.color = h.color;
        highlights++;
      }
      // Notes: Excel's notes (ExcelApi 1.18), else its comments (1.10), else none.
      let notes = 0;
      let notesSkipped = false;
      const useNotes = req.isSetSupported('ExcelApi', '1.18');
      const useComments = !useNotes && req.isSetSupported('ExcelApi', '1.10');
      const address = (n) => "'" + n.sheet.replace(/'/g, "''") + "'!" + n.cell;
      if (useNotes) {
        const olds = edits.notes.map((n) => {
          const old = wb.notes.getItemOrNullObject(address(n));
          old.load('isNullObject');
          return old;
        });
        await context.sync();
        olds.forEach((old) => { if (!old.isNullObject) old.delete(); });
        for (const n of edits.notes)
          if (n.text) {
            wb.notes.add(address(n), n.text);
            notes++;
          }
      } else if (useComments) {
        for (const n of edits.notes) {
          // Threaded comments: the one Kinerja put there before goes first.
          const old = wb.comments.getItemByCell(address(n));
          old.load('id');
          try {
            await context.sync();
            old.delete();
          } catch (e) {
            // no comment there yet
          }
          if (n.text) {
            wb.comments.add(address(n), n.text);
            notes++;
          }
        }
      } else {
        notesSkipped = edits.notes.some((n) => n.text);
      }
      await context.sync();
      return { written: total, notes, highlights, notesSkipped };
    });
  }

  async function isi(env, progress) {
    const bytes = await readWorkbook(env.Office);
    const edits = await post('/api/v1/edits', bytes, env);
    const done = await applyEdits(env.Excel, env.Office, edits, progress);
    return { edits, done };
  }

  // ---- the page ----

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function status(text, kind) {
    const node = document.getElementById('status');
    node.textContent = text;
    node.className = 'status' + (kind ? ' ' + kind : '');
  }

  function render(env, report) {
    const out = document.getElementById('results');
    out.replaceChildren();
    const groups = groupFindings(report.findings);
    for (const [sheet, list] of groups) {
      out.append(el('h2', '', sheet));
      const ul = el('ul', 'findings');
      for (const f of list) {
        const item = el('li');
        const b = el('button', 'finding ' + f.severity);
        b.type = 'button';
        b.append(el('span', 'where', f.cell + (f.hidden ? ' (' + t('hidden') + ')' : '')));
        b.append(document.createTextNode(f.message));
        b.append(el('span', 'rule', (f.severity === 'error' ? t('error') : t('warning')) + ' · ' + f.rule));
        b.addEventListener('click', () => selectCell(env.Excel, f.sheet, f.cell).catch((e) => status(e.message, 'error')));
        item.append(b);
        ul.append(item);
      }
      out.append(ul);
    }
  }

  function translatePage() {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  }

  function start(Office, Excel) {
    translatePage();
    const env = {
      Office, Excel, base: '', fetch: (...a) => root.fetch(...a),
      get token() { return document.getElementById('token').value.trim(); },
    };
    const problem = requirementProblem(Office);
    if (problem) return status(problem, 'error');
    // The token, when the server asks for one, is kept while the pane is open (as the web page
    // keeps it for a tab), never in the workbook. A browser that blocks storage in frames from
    // another site (Excel on the web, third-party cookies off) throws on sessionStorage: the
    // token is then typed again after a reload.
    const token = document.getElementById('token');
    let store = null;
    try {
      store = root.sessionStorage;
      token.value = store.getItem('kinerja-token') || '';
    } catch (e) {
      store = null;
    }
    token.addEventListener('change', () => { if (store) store.setItem('kinerja-token', token.value); });
    const buttons = [document.getElementById('periksa'), document.getElementById('isi')];
    const busy = (on) => buttons.forEach((b) => { b.disabled = on; });
    const summary = (c) => t('found', c.errors, c.warnings);
    buttons[0].addEventListener('click', async () => {
      busy(true);
      status(t('reading'));
      try {
        const { report } = await periksa(env);
        render(env, report);
        status(report.findings.length ? summary(report.counts) : t('none'), report.counts.errors ? 'error' : 'ok');
      } catch (e) {
        status(e.message, 'error');
      } finally {
        busy(false);
      }
    });
    buttons[1].addEventListener('click', async () => {
      busy(true);
      status(t('filling'));
      try {
        const { edits, done } = await isi(env, (text) => status(text));
        if (done.problem) return status(done.problem, 'error');
        render(env, edits);
        status(t('filled', done.written, done.notes, done.highlights, edits.counts.errors, edits.counts.warnings) +
          (done.notesSkipped ? ' ' + t('noNotes') : ''), edits.counts.errors ? 'error' : 'ok');
      } catch (e) {
        status(e.message, 'error');
      } finally {
        busy(false);
      }
    });
    document.getElementById('actions').hidden = false;
    status(t('ready'));
  }

  const api = { TEXT, MIN_EXCEL_API, MARKER, t, setLanguage, requirementProblem, readWorkbook, post,
    groupFindings, periksa, selectCell, typed, protectionProblem, applyEdits, isi };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
    return;
  }
  // In a page: inside Office, Office.onReady names the host; outside it there is no host
  // (or no office.js at all when Microsoft's script cannot be loaded).
  const outside = () => { translatePage(); status(t('outside'), 'error'); };
  document.addEventListener('DOMContentLoaded', () => {
    if (typeof root.Office === 'undefined' || !root.Office.onReady) return outside();
    root.Office.onReady((info) => {
      setLanguage(root.Office);
      if (!info || !info.host) return outside();
      if (info.host !== root.Office.HostType.Excel) {
        translatePage();
        return status(t('notExcel'), 'error');
      }
      start(root.Office, root.Excel);
    });
  });
})(typeof window !== 'undefined' ? window : globalThis);
