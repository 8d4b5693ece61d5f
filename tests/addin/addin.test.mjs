// The Excel add-in (engine/serve/assets/addin/): its task pane script against a workbook mocked
// with Microsoft's office-addin-mock, talking to a real `kinerja serve`; the manifest as the
// server fills it in; and the pane in Debian's Chromium outside Office.
//
//   KINERJA_CLI      the kinerja binary (default build/kinerja)
//   CHROMIUM         the browser (default /usr/bin/chromium)
//   KINERJA_SCREENSHOTS=docs/img   also write the pane's picture there
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {createRequire} from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startServer} from '../support/start_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const cli = path.resolve(root, process.env.KINERJA_CLI || 'build/kinerja');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const pictures = process.env.KINERJA_SCREENSHOTS ? path.resolve(root, process.env.KINERJA_SCREENSHOTS) : null;
const python = '/usr/bin/python3'; // Debian's, with python3-openpyxl
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-addin-'));
const samples = path.join(root, 'samples');

const {OfficeMockObject} = require('office-addin-mock');
const pane = require(path.join(root, 'engine/serve/assets/addin/taskpane.js'));

let server, base;

before(async () => {
  assert.ok(fs.existsSync(cli), `no kinerja binary at ${cli}: build it first`);
  ({child: server, url: base} = await startServer(cli, path.join(work, 'jobs')));
});

after(() => {
  server?.kill('SIGTERM');
  fs.rmSync(work, {recursive: true, force: true});
});

function dump(file) {
  const r = spawnSync(python, [path.join(here, 'dump_cells.py'), file], {encoding: 'utf8', maxBuffer: 1 << 28});
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

function kinerja(...args) {
  const r = spawnSync(cli, args, {encoding: 'utf8'});
  assert.ok(r.status === 0 || r.status === 1, `kinerja ${args.join(' ')}: ${r.stderr}`);
  return r;
}

// Office's document API over the bytes of a file: getFileAsync(Compressed) in 64 KiB slices.
function mockOffice(bytes, {api = '1.18', display = 'id-ID'} = {}) {
  const slice = 65536;
  const ok = (value) => ({status: 'succeeded', value});
  return {
    AsyncResultStatus: {Succeeded: 'succeeded'},
    FileType: {Compressed: 'compressed'},
    context: {
      displayLanguage: display,
      requirements: {
        isSetSupported: (name, version) =>
          name === 'ExcelApi' && Number(version.split('.')[1]) <= Number(api.split('.')[1]),
      },
      document: {
        getFileAsync(type, options, callback) {
          assert.equal(type, 'compressed');
          const count = Math.ceil(bytes.length / slice);
          callback(ok({
            sliceCount: count,
            getSliceAsync: (i, cb) => cb(ok({data: [...bytes.subarray(i * slice, (i + 1) * slice)]})),
            closeAsync: (cb) => cb(ok()),
          }));
        },
      },
    },
  };
}

// An Excel of office-addin-mock objects over a workbook dumped by openpyxl: what the pane
// writes lands in `state`, as the cells of a real workbook would.
function mockExcel(state) {
  const created = [];
  let missing = null; // an item looked up that is not there: the next sync fails, as Excel's
  const itemNotFound = () => Object.assign(new Error('ItemNotFound: ' + missing), {code: 'ItemNotFound'});
  const sheetOf = (name) => {
    const s = state.sheets.find((x) => x.name === name);
    assert.ok(s, 'no sheet ' + name);
    return s;
  };
  function rangeMock(sheetName, address) {
    const s = sheetOf(sheetName);
    const cell = s.cells[address];
    const formats = {
      add(type) {
        assert.equal(type, 'Custom');
        const cf = {custom: {rule: {}, format: {fill: {}}}};
        formats.added.push(cf);
        return cf;
      },
      added: [],
      items: [],
      load() {
        formats.items = s.highlights.includes(address)
          ? [{type: 'Custom', custom: {rule: {formula: pane.MARKER, load() {}}},
            delete: () => { s.highlights = s.highlights.filter((h) => h !== address); }}]
          : [];
      },
    };
    const m = new OfficeMockObject({
      address,
      format: {protection: {locked: cell ? cell.locked !== false : true}, font: {}},
      clear() { m.cleared = true; },
      select() { state.selected = sheetName + '!' + address; },
    });
    m.conditionalFormats = formats;
    created.push([s, address, m]);
    return m;
  }
  // What the pane set on the ranges since the last sync, into the workbook's state.
  function flush() {
    for (const [s, address, m] of created.splice(0)) {
      if (!/^[A-Z]+\d+$/.test(address)) continue; // whole rows and columns: formatting only
      let cell = s.cells[address];
      if (m.cleared) delete s.cells[address];
      if (m.formulas || m.values || m.numberFormat) cell = s.cells[address] ??= {nf: 'General'};
      if (Array.isArray(m.numberFormat)) cell.nf = m.numberFormat[0][0];
      if (Array.isArray(m.formulas)) {
        delete cell.v;
        cell.f = m.formulas[0][0];
      }
      if (Array.isArray(m.values)) {
        delete cell.f;
        const v = m.values[0][0];
        cell.v = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
      }
      for (const cf of m.conditionalFormats.added) {
        assert.equal(cf.custom.rule.formula, pane.MARKER);
        if (!s.highlights.includes(address)) s.highlights.push(address);
      }
    }
  }
  const worksheet = (name) => {
    const ws = new OfficeMockObject({
      protection: {protected: sheetOf(name).protected, options: sheetOf(name).options ?? {}},
      getRange: (address) => rangeMock(name, address),
      activate() { state.active = name; },
      delete() { state.sheets = state.sheets.filter((x) => x.name !== name); },
      freezePanes: {freezeRows() {}},
    });
    created.push([sheetOf(name), '', ws]);
    return ws;
  };
  const split = (address) => {
    const at = address.lastIndexOf('!');
    return [address.slice(0, at).replace(/^'|'$/g, '').replace(/''/g, "'"), address.slice(at + 1)];
  };
  const context = new OfficeMockObject({
    workbook: {
      protection: {protected: state.protected_book},
      worksheets: {
        getItem: worksheet,
        add(name) {
          state.sheets.push({name, protected: false, cells: {}, highlights: []});
          return worksheet(name);
        },
      },
      notes: {
        add(address, text) {
          const [sheet, cell] = split(address);
          sheetOf(sheet).cells[cell] ??= {nf: 'General'};
          sheetOf(sheet).cells[cell].note = text;
        },
        getItemOrNullObject(address) {
          const [sheet, cell] = split(address);
          const c = sheetOf(sheet).cells[cell];
          const note = new OfficeMockObject({
            isNullObject: !(c && c.note !== undefined),
            delete() { delete c.note; },
          });
          created.push([sheetOf(sheet), '', note]);
          return note;
        },
      },
      // Threaded comments (ExcelApi 1.10): what the pane writes when notes are not there.
      comments: {
        add(address, text) {
          const [sheet, cell] = split(address);
          sheetOf(sheet).cells[cell] ??= {nf: 'General'};
          sheetOf(sheet).cells[cell].comment = text;
        },
        getItemByCell(address) {
          const [sheet, cell] = split(address);
          const c = sheetOf(sheet).cells[cell];
          if (!(c && c.comment !== undefined)) missing = address;
          const comment = new OfficeMockObject({id: address, delete() { delete c.comment; }});
          created.push([sheetOf(sheet), '', comment]);
          return comment;
        },
      },
    },
  });
  // The mock's own sync, then the objects the pane got from methods, which are not in the
  // mock's tree; its nested syncs finish in later turns, hence the wait.
  context.sync = async () => {
    await OfficeMockObject.prototype.sync.call(context);
    for (const [, , m] of created) await m.sync();
    await new Promise((resolve) => setImmediate(resolve));
    flush();
    if (missing) {
      const error = itemNotFound();
      missing = null;
      throw error;
    }
  };
  return {run: async (body) => body(context)};
}

const compared = (state) => Object.fromEntries(state.sheets.map((s) => [s.name, {
  cells: Object.fromEntries(Object.entries(s.cells)
    .filter(([, c]) => c.v !== undefined || c.f !== undefined || c.note !== undefined)
    .map(([a, c]) => [a, {f: c.f, v: c.f === undefined ? (c.v ?? undefined) : undefined, nf: c.nf, note: c.note}])),
  highlights: [...s.highlights].sort(),
}]));

for (const name of ['rutan-soe-2023-lkjip.xlsx', 'bapas-mataram-2024-rka.xlsx', 'lapas-kerobokan-2024-rencana-aksi.xlsx']) {
  test(`Isi on a mocked ${name} gives the cells kinerja fill writes`, async () => {
    const input = path.join(samples, name);
    const filled = path.join(work, name + '.filled.xlsx');
    kinerja('fill', input, '-o', filled);
    const state = dump(input);
    const Office = mockOffice(fs.readFileSync(input));
    const Excel = mockExcel(state);
    pane.setLanguage(Office);
    const progress = [];
    const {edits, done} = await pane.isi({Office, Excel, base, fetch}, (text) => progress.push(text));
    assert.equal(done.problem, undefined);
    assert.ok(done.written > 0);
    assert.equal(done.notes, edits.notes.filter((n) => n.text).length);
    assert.equal(done.highlights, edits.highlights.filter((h) => !h.remove).length);
    assert.ok(progress.at(-1).startsWith('Menulis'), progress.at(-1));
    assert.ok(edits.cells.length > 0);
    const want = dump(filled);
    assert.deepEqual(state.sheets.map((s) => s.name), want.sheets.map((s) => s.name));
    assert.deepEqual(compared(state), compared(want));
  });
}

// No sample's fill changes a number format (Kinerja follows the cell's own: 0.94 in a percent
// cell), so the comparisons above check that the pane leaves formats alone; an edit that does
// carry one (a new cell, docs/api.md) is applied with its format.
test('an edit with a number format sets it on the cell', async () => {
  const state = dump(path.join(samples, 'rutan-soe-2023-lkjip.xlsx'));
  const sheet = state.sheets[0];
  const kept = Object.entries(sheet.cells).find(([, c]) => c.v !== undefined && c.nf !== 'General');
  assert.ok(kept, 'a cell with a format of its own');
  const keptFormat = kept[1].nf;
  const edits = {sheets: [], highlights: [], notes: [], cells: [
    {sheet: sheet.name, cell: 'ZZ1', type: 'number', value: 0.5, formula: '=1/2', number_format: '0.00%'},
    {sheet: sheet.name, cell: 'ZZ2', type: 'number', value: 2, formula: '=1+1'},
    {sheet: sheet.name, cell: kept[0], type: 'text', value: 'x'},
  ]};
  const Office = mockOffice(new Uint8Array());
  const done = await pane.applyEdits(mockExcel(state), Office, edits);
  assert.equal(done.problem, undefined);
  assert.deepEqual(sheet.cells.ZZ1, {nf: '0.00%', f: '=1/2'});
  assert.deepEqual(sheet.cells.ZZ2, {nf: 'General', f: '=1+1'});
  assert.equal(sheet.cells[kept[0]].nf, keptFormat, 'an edit without a format keeps the cell\'s');
});

test('without ExcelApi 1.18 the notes become comments (1.10), or are left out with a message', async () => {
  const name = 'rutan-soe-2023-lkjip.xlsx';
  const input = path.join(samples, name);
  const filled = path.join(work, name + '.comments.xlsx');
  kinerja('fill', input, '-o', filled);
  const want = dump(filled);
  // ExcelApi 1.10: Kinerja's notes as threaded comments, the rest as with notes.
  const state = dump(input);
  const Office = mockOffice(fs.readFileSync(input), {api: '1.10'});
  pane.setLanguage(Office);
  const {edits, done} = await pane.isi({Office, Excel: mockExcel(state), base, fetch});
  const written = edits.notes.filter((n) => n.text);
  assert.ok(written.length > 0, 'the sample gets notes');
  assert.equal(done.notes, written.length);
  assert.equal(done.notesSkipped, false);
  const commented = state.sheets.flatMap((s) =>
    Object.entries(s.cells).filter(([, c]) => c.comment !== undefined).map(([a]) => s.name + '!' + a));
  assert.deepEqual(commented.sort(), written.map((n) => n.sheet + '!' + n.cell).sort());
  // The notes again over the comments Kinerja wrote: each replaced (deleted, then added).
  const before = JSON.stringify(state);
  const notesOnly = {...edits, sheets: [], cells: [], highlights: []};
  const again = await pane.applyEdits(mockExcel(state), Office, notesOnly);
  assert.equal(again.problem, undefined);
  assert.equal(again.notes, written.length);
  assert.equal(JSON.stringify(state), before);
  for (const s of state.sheets)
    for (const c of Object.values(s.cells))
      if (c.comment !== undefined) {
        c.note = c.comment;
        delete c.comment;
      }
  assert.deepEqual(compared(state), compared(want));
  // Older still (ExcelApi 1.7 to 1.9): no notes, and the pane says so.
  const old = dump(input);
  const Office17 = mockOffice(fs.readFileSync(input), {api: '1.9'});
  const skipped = await pane.isi({Office: Office17, Excel: mockExcel(old), base, fetch});
  assert.equal(skipped.done.notes, 0);
  assert.equal(skipped.done.notesSkipped, true);
  assert.ok(old.sheets.every((s) => Object.values(s.cells).every((c) => c.comment === undefined)));
  assert.match(pane.t('noNotes'), /^Catatan tidak ditulis/);
});

test('Isi on a protected sheet with locked computed cells says so and writes nothing', async () => {
  const input = path.join(samples, 'rutan-soe-2023-lkjip.xlsx');
  const state = dump(input);
  for (const s of state.sheets) s.protected = true; // every cell locked, as Excel's default
  const before = JSON.stringify(state);
  const Office = mockOffice(fs.readFileSync(input));
  pane.setLanguage(Office);
  const {done} = await pane.isi({Office, Excel: mockExcel(state), base, fetch});
  assert.match(done.problem, /^Sheet "[^"]+" diproteksi dan sel [A-Z]+\d+ terkunci/);
  assert.equal(JSON.stringify(state), before);
  // Unlocked computed cells on a protected sheet: the highlights and notes still need the
  // protection to allow formatting and objects.
  const unlocked = dump(input);
  for (const s of unlocked.sheets) {
    s.protected = true;
    for (const c of Object.values(s.cells)) c.locked = false;
  }
  const edits = await pane.post('/api/v1/edits', fs.readFileSync(input), {base, fetch});
  for (const e of edits.cells) {
    const s = unlocked.sheets.find((x) => x.name === e.sheet);
    if (s && !(e.cell in s.cells)) s.cells[e.cell] = {nf: 'General', locked: false};
  }
  const untouched = JSON.stringify(unlocked);
  const marks = await pane.applyEdits(mockExcel(unlocked), Office, edits);
  assert.match(marks.problem, /^Sheet "[^"]+" diproteksi tanpa izin memformat sel/);
  assert.equal(JSON.stringify(unlocked), untouched);
  for (const s of unlocked.sheets) s.options = {allowFormatCells: true, allowEditObjects: true};
  const second = await pane.applyEdits(mockExcel(unlocked), Office, edits);
  assert.equal(second.problem, undefined);
  assert.ok(unlocked.sheets.some((s) => s.highlights.length > 0));
  // A protected workbook structure: the Validasi sheet cannot be added.
  const book = dump(input);
  book.protected_book = true;
  const frozen = JSON.stringify(book);
  const refused = await pane.applyEdits(mockExcel(book), Office, edits);
  assert.match(refused.problem, /^Struktur buku kerja diproteksi/);
  assert.equal(JSON.stringify(book), frozen);
});

test('an Excel older than the requirement set gets a plain message, in English too', () => {
  const old = mockOffice(new Uint8Array(), {api: '1.4'});
  pane.setLanguage(old);
  assert.match(pane.requirementProblem(old), /Excel ini terlalu lama.*ExcelApi 1\.7/);
  const english = mockOffice(new Uint8Array(), {api: '1.4', display: 'en-US'});
  pane.setLanguage(english);
  assert.match(pane.requirementProblem(english), /This Excel is too old.*ExcelApi 1\.7/);
  assert.equal(pane.requirementProblem(mockOffice(new Uint8Array(), {api: '1.7'})), null);
  pane.setLanguage(old);
});

test('Periksa lists the findings of kinerja validate, grouped by sheet', async () => {
  const input = path.join(samples, 'lapas-muara-enim-2023-lkjip.xlsx');
  const reportFile = path.join(work, 'report.json');
  kinerja('validate', input, '--report', reportFile);
  const want = JSON.parse(fs.readFileSync(reportFile, 'utf8')).findings;
  const Office = mockOffice(fs.readFileSync(input));
  pane.setLanguage(Office);
  const {report, groups} = await pane.periksa({Office, base, fetch});
  const key = (f) => [f.sheet, f.cell, f.rule, f.message].join('|');
  assert.ok(want.length > 0);
  assert.deepEqual(report.findings.map(key), want.map(key));
  assert.deepEqual([...groups.keys()], [...new Set(want.map((f) => f.sheet))]);
  assert.equal([...groups.values()].flat().length, want.length);
  // A finding clicked selects its cell.
  const state = dump(input);
  const f = want[0];
  await pane.selectCell(mockExcel(state), f.sheet, f.cell);
  assert.equal(state.selected, f.sheet + '!' + f.cell);
});

test('the manifest carries the server address and the pane, icons and policy are served', async () => {
  const reply = await fetch(base + '/addin/manifest.xml', {headers: {'X-Forwarded-Proto': 'https'}});
  assert.equal(reply.status, 200);
  const xml = await reply.text();
  const host = new URL(base).host;
  assert.ok(!xml.includes('{{'), 'a placeholder is left');
  assert.ok(xml.includes(`<SourceLocation DefaultValue="https://${host}/addin/"/>`));
  // The manifest read by office-addin-manifest (offline: the XML manifest's online validation
  // service is not reachable here; docs/addin.md says so).
  const file = path.join(work, 'manifest.xml');
  fs.writeFileSync(file, xml);
  const {OfficeAddinManifest} = require('office-addin-manifest');
  const info = await OfficeAddinManifest.readManifestFile(file);
  assert.equal(info.id, '5b0d8e2a-6c1f-4f3e-9a57-3d8c2b6e4f10');
  assert.deepEqual(info.hosts, ['Workbook']);
  assert.equal(info.defaultLocale, 'id-ID');
  assert.match(info.version, /^\d+\.\d+\.\d+\.\d+$/);
  assert.equal(info.highResolutionIconUrl, `https://${host}/addin/icon-64.png`);
  for (const icon of ['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']) {
    assert.ok(xml.includes(`https://${host}/addin/${icon}`) || icon === 'icon-64.png');
    const png = await fetch(base + '/addin/' + icon);
    assert.equal(png.status, 200);
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.equal(png.headers.get('cross-origin-resource-policy'), 'cross-origin');
    const size = Number(icon.match(/\d+/)[0]);
    const bytes = Buffer.from(await png.arrayBuffer());
    assert.equal(bytes.readUInt32BE(16), size);
  }
  const page = await fetch(base + '/addin/');
  assert.equal(page.status, 200);
  const csp = page.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
  assert.match(csp, /frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
  assert.equal(page.headers.get('x-frame-options'), null);
  // Without a proxy in front, a plain loopback server's address.
  const plain = await (await fetch(base + '/addin/manifest.xml')).text();
  assert.ok(plain.includes(`<SourceLocation DefaultValue="http://${host}/addin/"/>`));
  assert.equal((await fetch(base + '/addin/nothing.js')).status, 404);
});

test('outside Office the pane says it must be opened in Excel (Chromium, 320 px)', async (t) => {
  if (!fs.existsSync(browserPath)) return t.skip('no Chromium: scripts/install-deps --browser');
  const {chromium} = require('playwright-core');
  const browser = await chromium.launch({executablePath: browserPath, args: ['--no-sandbox']});
  try {
    const context = await browser.newContext({viewport: {width: 320, height: 560}});
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push('script error: ' + e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/appsforoffice|ERR_FAILED|Failed to load resource/.test(m.text()))
        problems.push('console: ' + m.text());
    });
    // Microsoft's office.js is never fetched here: no network but the loopback.
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto(base + '/addin/');
    const status = page.locator('#status');
    await status.filter({hasText: 'harus dibuka di dalam Excel'}).waitFor();
    assert.equal(await page.locator('#actions').isHidden(), true);
    // Nothing wider than the pane.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 320, `the page is ${overflow} px wide`);
    assert.deepEqual(problems, []);
    if (pictures) await page.screenshot({path: path.join(pictures, 'addin-panel.png')});
  } finally {
    await browser.close();
  }
});
