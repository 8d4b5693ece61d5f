// Kinerja's two pages: the staff page (/) and the operator page (/wilayah). No framework and
// nothing fetched from elsewhere. Everything that comes from a workbook or the server is put
// into the page as text (textContent), never as markup.
'use strict';

const LANG = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'id';

// The English of each text in the pages; the Indonesian is in the HTML itself (the default).
const EN = {
  'skip': 'Skip to content',
  'nav': 'Pages',
  'nav.staf': 'Unit workbook',
  'nav.wilayah': 'Region batch',
  'options': 'Options',
  'opt.grafik': 'add a sheet with the capaian chart',
  'opt.kategori': 'fill empty kategori columns',
  'staf.title': 'Check and fill a workbook',
  'staf.intro': 'Choose your Excel workbook (.xlsx or .xlsm). Kinerja recognises its tables, computes ' +
    'capaian, kategori, sisa and totals, and lists its findings. Your file is not changed and ' +
    'not kept on the server.',
  'staf.choose': 'Workbook (.xlsx or .xlsm)',
  'staf.drop': 'or drag the file onto this box',
  'staf.run': 'Check and fill',
  'staf.result': 'Result',
  'sum.file': 'File',
  'sum.tables': 'Tables recognised',
  'sum.computed': 'Cells computed',
  'sum.errors': 'Errors',
  'sum.warnings': 'Warnings',
  'staf.download': 'Download the filled workbook',
  'staf.report': 'Download the JSON report',
  'staf.tables': 'Tables recognised',
  'staf.misses': 'Looked like tables but not used',
  'staf.dropped': 'Not carried into the filled workbook',
  'staf.findings': 'Findings',
  'staf.none': 'No findings.',
  'col.sheet': 'Sheet',
  'col.range': 'Range',
  'col.kind': 'Kind',
  'col.tahun': 'Year',
  'col.satker': 'Unit',
  'col.columns': 'Columns',
  'col.severity': 'Severity',
  'col.rule': 'Rule',
  'col.cell': 'Cell',
  'col.message': 'Message',
  'col.key': 'Code',
  'col.nama': 'Unit',
  'col.reason': 'Reason',
  'new.title': 'A new workbook from a template',
  'new.intro': 'No workbook yet? Download a print-ready template with the unit\'s name and the ' +
    'year in its titles, fill it in Excel, then check it above.',
  'new.template': 'Template',
  'new.satker': 'Unit name',
  'new.tahun': 'Year',
  'new.create': 'Create and download',
  'token.title': 'Access token (if the server asks for one)',
  'token.label': 'Token from the regional operator',
  'token.hint': 'The token is kept in this browser tab only.',
  'wil.title': 'Fill and summarise the workbooks of every unit',
  'wil.intro': 'For the regional operator. Upload the region\'s template with the units\' raw ' +
    'data (CSV or xlsx), or one zip of the workbooks the units sent in. Kinerja fills them all ' +
    'as one job, then prepares rekap.xlsx, laporan.json and a zip of the filled workbooks.',
  'wil.mode': 'Input',
  'wil.mode.template': 'template + regional data',
  'wil.mode.zip': 'zip of unit workbooks',
  'wil.template': 'Template (.xlsx)',
  'wil.data': 'Regional data (.csv or .xlsx)',
  'wil.zip': 'Zip of workbooks (.zip)',
  'wil.start': 'Start',
  'wil.progress': 'Progress',
  'wil.result': 'Result',
  'wsum.units': 'Units',
  'wsum.written': 'Written',
  'wsum.errors': 'With errors',
  'wsum.warnings': 'Warnings only',
  'wsum.failed': 'Failed',
  'wil.rekap': 'Download rekap.xlsx',
  'wil.laporan': 'Download laporan.json',
  'wil.hasil': 'Download hasil.zip',
  'wil.failures': 'Units that failed',
  'wil.notes': 'Notes',
};

// Texts the scripts write, in both languages.
const MESSAGES = {
  id: {
    reading: 'Memeriksa {name}…',
    done: 'Selesai: {name}.',
    need_file: 'Pilih buku kerja .xlsx atau .xlsm dahulu.',
    network: 'Server tidak dapat dihubungi: {why}',
    error: 'Galat',
    warning: 'Peringatan',
    row: 'Baris {n}',
    hidden: 'tersembunyi ({what})',
    preparing: 'Menyiapkan unduhan…',
    downloaded: 'Diunduh: {name}.',
    templates_none: 'Tidak ada templat.',
    creating: 'Membuat buku kerja…',
    uploading: 'Mengunggah…',
    need_inputs: 'Pilih templat dan data wilayah, atau zip buku kerja.',
    queued: 'Pekerjaan {id} menunggu giliran…',
    progress: '{done} dari {total} satker selesai',
    rate: '{rate} satker/detik',
    eta: 'sisa ± {eta}',
    failed_units: '{n} gagal',
    job_done: 'Pekerjaan selesai dalam {s} detik.',
    job_failed: 'Pekerjaan gagal: {why}',
    seconds: '{n} detik',
    minutes: '{n} menit',
    empty: '—',
  },
  en: {
    reading: 'Checking {name}…',
    done: 'Done: {name}.',
    need_file: 'Choose an .xlsx or .xlsm workbook first.',
    network: 'The server cannot be reached: {why}',
    error: 'Error',
    warning: 'Warning',
    row: 'Row {n}',
    hidden: 'hidden ({what})',
    preparing: 'Preparing the download…',
    downloaded: 'Downloaded: {name}.',
    templates_none: 'No templates.',
    creating: 'Creating the workbook…',
    uploading: 'Uploading…',
    need_inputs: 'Choose the template and the regional data, or a zip of workbooks.',
    queued: 'Job {id} is waiting its turn…',
    progress: '{done} of {total} units done',
    rate: '{rate} units/second',
    eta: 'about {eta} left',
    failed_units: '{n} failed',
    job_done: 'The job finished in {s} seconds.',
    job_failed: 'The job failed: {why}',
    seconds: '{n} seconds',
    minutes: '{n} minutes',
    empty: '—',
  },
};

function say(key, values = {}) {
  return MESSAGES[LANG][key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

const number = new Intl.NumberFormat(LANG === 'en' ? 'en' : 'id', {maximumFractionDigits: 1});

const $ = (id) => document.getElementById(id);

// An element with text content and attributes; children are elements or strings (as text).
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);  // append() inserts strings as text
  return node;
}

function setText(id, value) {
  $(id).textContent = value;
}

function translatePage() {
  document.documentElement.lang = LANG;
  const switcher = $('lang-switch');
  if (LANG === 'en') {
    for (const node of document.querySelectorAll('[data-t]')) {
      const text = EN[node.dataset.t];
      if (text) node.textContent = text;
    }
    for (const node of document.querySelectorAll('[data-t-aria]'))
      node.setAttribute('aria-label', EN[node.dataset.tAria]);
    document.title = document.title.replace(': periksa dan isi buku kerja',
      ': check and fill a workbook').replace(': batch wilayah', ': region batch');
    for (const link of document.querySelectorAll('a[data-keep-lang]'))
      link.href = link.getAttribute('href') + '?lang=en';
    switcher.textContent = 'Bahasa Indonesia';
    switcher.lang = 'id';
    switcher.href = location.pathname;
  }
}

// The access token, when the server is run with --tokens: kept for this tab only.
function tokenInput() {
  const input = $('token');
  input.value = sessionStorage.getItem('kinerja-token') || '';
  input.addEventListener('change', () => sessionStorage.setItem('kinerja-token', input.value));
  return input;
}

function withLang(url) {
  return url + (url.includes('?') ? '&' : '?') + 'lang=' + LANG;
}

class ApiFailure extends Error {}

// fetch() with the token and the page's language; a refusal becomes an ApiFailure carrying the
// server's message (already in the page's language).
async function api(url, options = {}) {
  const headers = new Headers(options.headers || {});
  const token = $('token').value.trim();
  if (token) headers.set('Authorization', 'Bearer ' + token);
  let response;
  try {
    response = await fetch(withLang(url), {...options, headers});
  } catch (e) {
    throw new ApiFailure(say('network', {why: e.message}));
  }
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try {
      const body = await response.json();
      if (body.error && body.error.message) message = body.error.message;
    } catch (e) { /* not JSON: keep the status line */ }
    if (response.status === 401) $('token-box').open = true;
    throw new ApiFailure(message);
  }
  return response;
}

// Hands bytes to the browser as a download under `name`.
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', {href: url, download: name});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// "attachment; filename="x.xlsx"" -> x.xlsx
function fileNameOf(response, fallback) {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
  return match ? match[1] : fallback;
}

function showStatus(node, text, isError = false) {
  node.textContent = text;
  node.classList.toggle('bad', isError);
}

// Runs an async action from a button, the button disabled meanwhile and failures shown in `status`.
function action(button, status, run) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await run();
    } catch (e) {
      showStatus(status, e.message, true);
    } finally {
      button.disabled = false;
    }
  });
}

// ---------------------------------------------------------------- the staff page (/)

// "Capaian 2023!F12" parts for sorting: sheet, row, column.
function cellOrder(f) {
  const m = /^([A-Z]+)(\d+)$/.exec(f.cell || '');
  const col = m ? [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : 0;
  return [f.sheet || '', m ? Number(m[2]) : 0, col];
}

function compareFindings(key) {
  const collator = new Intl.Collator(LANG, {numeric: true});
  return (a, b) => {
    if (key === 'cell') {
      const x = cellOrder(a), y = cellOrder(b);
      return collator.compare(x[0], y[0]) || x[1] - y[1] || x[2] - y[2];
    }
    if (key === 'severity') return (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1);
    return collator.compare(String(a[key] || ''), String(b[key] || ''));
  };
}

function rowDetails(f) {
  const cells = (f.row && f.row.cells) || [];
  if (!cells.length) return null;
  const body = el('tbody');
  for (const c of cells) {
    const isCell = f.cell === c.column + f.row.number;
    body.append(el('tr', isCell ? {class: 'here'} : {},
      el('th', {scope: 'row', text: c.column}),
      el('td', {text: c.header}),
      el('td', {text: c.text})));
  }
  return el('details', {class: 'row'},
    el('summary', {text: say('row', {n: f.row.number})}),
    el('table', {}, body));
}

function findingRow(f) {
  const severity = el('span', {class: 'badge ' + f.severity, text: say(f.severity)});
  const message = el('td', {class: 'message'}, el('p', {text: f.message}));
  if (f.hidden) message.append(el('p', {class: 'hint', text: say('hidden', {what: f.hidden})}));
  const details = rowDetails(f);
  if (details) message.append(details);
  return el('tr', {},
    el('td', {}, severity),
    el('td', {class: 'nowrap'}, el('code', {text: f.rule})),
    el('td', {class: 'nowrap'}, el('code', {text: f.sheet + '!' + f.cell})),
    message);
}

function showFindings(findings) {
  const table = $('findings');
  const body = table.tBodies[0];
  let sortKey = null, ascending = true;
  const render = () => {
    const list = [...findings];
    if (sortKey) {
      list.sort(compareFindings(sortKey));
      if (!ascending) list.reverse();
    }
    body.replaceChildren(...list.map(findingRow));
    for (const th of table.tHead.rows[0].cells)
      if (th.dataset.key === sortKey) th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
  };
  table.tHead.onclick = (event) => {
    const th = event.target.closest('th[data-key]');
    if (!th) return;
    ascending = sortKey === th.dataset.key ? !ascending : true;
    sortKey = th.dataset.key;
    render();
  };
  $('no-findings').hidden = findings.length > 0;
  $('findings-box').hidden = findings.length === 0;
  render();
}

function showTables(tables, misses) {
  $('tables').tBodies[0].replaceChildren(...tables.map((t) => el('tr', {},
    el('td', {text: t.sheet}),
    el('td', {}, el('code', {text: t.range})),
    el('td', {text: t.kind}),
    el('td', {text: t.tahun ?? say('empty')}),
    el('td', {text: t.satker || say('empty')}),
    el('td', {class: 'columns', text: t.columns.map((c) => c.column + ' ' + c.role).join(', ')}))));
  $('misses').hidden = misses.length === 0;
  $('misses-list').replaceChildren(...misses.map((m) =>
    el('li', {text: m.sheet + ' ' + m.rows[0] + '–' + m.rows[1] + ': ' + m.why})));
}

// What the filled workbook could not carry, in the page's language (the server's `message`).
function showDropped(dropped) {
  $('dropped').hidden = dropped.length === 0;
  $('dropped-list').replaceChildren(...dropped.map((d) => el('li', {text: d.message})));
}

function baseName(name) {
  return name.replace(/\.xls[xm]$/i, '') || 'buku-kerja';
}

// ".xlsm" when the answer kept the workbook's macros, else ".xlsx".
function extensionOf(response) {
  return /\.xlsm$/i.test(fileNameOf(response, '')) ? '.xlsm' : '.xlsx';
}

function staffPage() {
  const form = $('fill-form');
  const input = $('workbook');
  const status = $('status');
  let current = null;  // {file, options, report}

  const optionsQuery = () => {
    const params = new URLSearchParams();
    for (const name of ['grafik', 'kategori']) if (form.elements[name].checked) params.set(name, '1');
    return params.toString();
  };
  const send = (file, query, headers) => {
    const body = new FormData();
    body.append('file', file, file.name);
    return api('/api/v1/fill' + (query ? '?' + query : ''), {method: 'POST', body, headers});
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files[0];
    if (!file) return showStatus(status, say('need_file'), true);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    showStatus(status, say('reading', {name: file.name}));
    $('result').hidden = true;
    try {
      const options = optionsQuery();
      const response = await send(file, (options ? options + '&' : '') + 'baris=1',
        {Accept: 'application/json'});
      const report = await response.json();
      current = {file, options, report};
      setText('sum-file', file.name);
      setText('sum-tables', number.format(report.counts.tables));
      setText('sum-computed', number.format(report.counts.computed_cells));
      setText('sum-errors', number.format(report.counts.errors));
      setText('sum-warnings', number.format(report.counts.warnings));
      showTables(report.tables, report.misses);
      showDropped(report.dropped);
      showFindings(report.findings);
      $('result').hidden = false;
      showStatus(status, say('done', {name: file.name}));
    } catch (e) {
      showStatus(status, e.message, true);
    } finally {
      button.disabled = false;
    }
  });

  // Dropping a file on the box chooses it and starts at once.
  const drop = $('drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (!event.dataTransfer.files.length) return;
    input.files = event.dataTransfer.files;
    form.requestSubmit();
  });

  // The filled workbook: the same upload again, answered with the .xlsx.
  action($('download-filled'), status, async () => {
    showStatus(status, say('preparing'));
    const response = await send(current.file, current.options);
    const name = baseName(current.file.name) + '-terisi' + extensionOf(response);
    saveBlob(await response.blob(), name);
    showStatus(status, say('downloaded', {name}));
  });
  action($('download-report'), status, async () => {
    const name = baseName(current.file.name) + '-laporan.json';
    saveBlob(new Blob([JSON.stringify(current.report, null, 2) + '\n'],
      {type: 'application/json'}), name);
    showStatus(status, say('downloaded', {name}));
  });

  newWorkbookForm();
}

async function newWorkbookForm() {
  const form = $('new-form');
  const select = $('template');
  const status = $('new-status');
  try {
    const list = (await (await api('/api/v1/templates')).json()).templates;
    select.replaceChildren(...list.map((t) =>
      el('option', {value: t.name, text: t.name + ': ' + t.description})));
    if (!list.length) showStatus(status, say('templates_none'), true);
  } catch (e) {
    showStatus(status, e.message, true);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    showStatus(status, say('creating'));
    try {
      const params = new URLSearchParams();
      for (const name of ['satker', 'tahun']) {
        const value = form.elements[name].value.trim();
        if (value) params.set(name, value);
      }
      const response = await api('/api/v1/templates/' + encodeURIComponent(select.value) +
        '?' + params.toString());
      const name = fileNameOf(response, select.value + '.xlsx');
      saveBlob(await response.blob(), name);
      showStatus(status, say('downloaded', {name}));
    } catch (e) {
      showStatus(status, e.message, true);
    } finally {
      button.disabled = false;
    }
  });
}

// ---------------------------------------------------------------- the operator page (/wilayah)

function duration(seconds) {
  return seconds < 90 ? say('seconds', {n: Math.max(1, Math.round(seconds))})
    : say('minutes', {n: Math.round(seconds / 60)});
}

// Reads a job's Server-Sent Events through fetch (so that the token goes along) and calls
// onStatus with each status; returns the last one.
async function followEvents(url, onStatus) {
  const response = await api(url, {headers: {Accept: 'text/event-stream'}});
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '', last = null;
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return last;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5)).join('\n');
      if (!data) continue;  // a keep-alive comment
      last = JSON.parse(data);
      onStatus(last);
      if (last.state === 'done' || last.state === 'failed') {
        reader.cancel();
        return last;
      }
    }
  }
}

function showProgress(job) {
  const p = job.progress;
  $('progress-box').hidden = false;
  const bar = $('progress');
  bar.max = Math.max(1, p.total);
  bar.value = p.done;
  const parts = [say('progress', {done: number.format(p.done), total: number.format(p.total)})];
  if (p.rate > 0) parts.push(say('rate', {rate: number.format(p.rate)}));
  if (p.eta_seconds !== undefined && p.done < p.total) parts.push(say('eta', {eta: duration(p.eta_seconds)}));
  if (p.failed) parts.push(say('failed_units', {n: p.failed}));
  setText('progress-text', parts.join(' · '));
}

function showJobResult(job) {
  const r = job.result;
  setText('sum-units', number.format(r.units));
  setText('sum-written', number.format(r.written));
  setText('sum-errors', number.format(r.with_errors));
  setText('sum-warnings', number.format(r.with_warnings_only));
  setText('sum-failed', number.format(r.failed));
  $('failures-box').hidden = r.failures.length === 0;
  $('failures').tBodies[0].replaceChildren(...r.failures.map((f) => el('tr', {},
    el('td', {}, el('code', {text: f.key})),
    el('td', {text: f.nama || say('empty')}),
    el('td', {text: f.message}))));
  const notes = [...r.problems, ...r.notices];
  $('notes-box').hidden = notes.length === 0;
  $('notes').replaceChildren(...notes.map((m) => el('li', {text: m})));
  $('result').hidden = false;
}

function wilayahPage() {
  const form = $('job-form');
  const status = $('status');
  let job = null;

  const mode = () => form.elements.mode.value;
  const showMode = () => {
    $('mode-template').hidden = mode() !== 'template';
    $('mode-zip').hidden = mode() !== 'zip';
  };
  for (const radio of form.elements.mode) radio.addEventListener('change', showMode);
  showMode();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = new FormData();
    if (mode() === 'zip') {
      const zip = $('zip').files[0];
      if (!zip) return showStatus(status, say('need_inputs'), true);
      body.append('zip', zip, zip.name);
    } else {
      const template = $('template').files[0], data = $('data').files[0];
      if (!template || !data) return showStatus(status, say('need_inputs'), true);
      body.append('template', template, template.name);
      body.append('data', data, data.name);
    }
    for (const name of ['grafik', 'kategori']) if (form.elements[name].checked) body.append(name, '1');
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    $('result').hidden = true;
    $('progress-box').hidden = true;
    showStatus(status, say('uploading'));
    try {
      job = await (await api('/api/v1/jobs', {method: 'POST', body})).json();
      showStatus(status, say('queued', {id: job.id.slice(0, 8)}));
      showProgress(job);
      let last = await followEvents(job.links.events, showProgress);
      // The stream can end early (the server restarting): ask until the job is finished.
      while (!last || (last.state !== 'done' && last.state !== 'failed')) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        last = await (await api(job.links.self)).json();
        showProgress(last);
      }
      job = last;
      if (job.state === 'failed') {
        showStatus(status, say('job_failed', {why: job.error ? job.error.message : ''}), true);
      } else {
        showStatus(status, say('job_done', {s: number.format(job.result.seconds)}));
        showJobResult(job);
      }
    } catch (e) {
      showStatus(status, e.message, true);
    } finally {
      button.disabled = false;
    }
  });

  const result = (button, link, name) => action(button, status, async () => {
    showStatus(status, say('preparing'));
    const response = await api(job.links[link]);
    saveBlob(await response.blob(), name);
    showStatus(status, say('downloaded', {name}));
  });
  result($('download-rekap'), 'rekap', 'rekap.xlsx');
  result($('download-laporan'), 'laporan', 'laporan.json');
  result($('download-hasil'), 'hasil', 'hasil.zip');
}

document.addEventListener('DOMContentLoaded', () => {
  translatePage();
  tokenInput();
  if (document.body.dataset.page === 'staf') staffPage();
  else if (document.body.dataset.page === 'wilayah') wilayahPage();
});
