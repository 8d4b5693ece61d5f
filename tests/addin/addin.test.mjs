// The Excel add-in (engine/serve/assets/addin/): its task pane script against a workbook mocked
// with Microsoft's office-addin-mock, talking to a real `kinerja serve`; the manifest as the
// server fills it in, against the documented schema's structure; and the pane in Debian's
// Chromium: with Microsoft's office.js (@microsoft/office-js) in each Excel's way of loading it,
// under the pane's policy, and in a stand-in Excel with its findings at 320 px.
//
//   KINERJA_CLI      the kinerja binary (default build/kinerja)
//   CHROMIUM         the browser (default /usr/bin/chromium)
//   KINERJA_SCREENSHOTS=docs/img   also write the pane's picture there (docs/addin.md)
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

// ---- the manifest against the documented schema ----
//
// Microsoft publishes the XML manifest's schema as XSD files on learn.microsoft.com and in
// OfficeDev/office-js-docs-pr; no npm package carries them (docs/addin.md says what was
// looked at), and office-addin-manifest's `validate` sends the manifest to an online service.
// So the structure the schema documents is checked here: for each element, its children in
// their order with how many of each (OfficeApp, TaskPaneApp, VersionOverridesV1_0 for task
// panes and the basic types), the xsi:type of each choice, and the simple types' limits.
const NS = {
  o: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  v: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};
const many = Infinity;
const VO = 'OfficeApp/VersionOverrides';
const CONTROL = `${VO}/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab/Group/Control`;
const RESOURCES = `${VO}/Resources`;
const overrides = (ns) => [[ns, 'Override', 0, many]];
const SEQUENCES = {
  'OfficeApp': [['o', 'Id', 1, 1], ['o', 'AlternateId', 0, 1], ['o', 'Version', 1, 1], ['o', 'ProviderName', 1, 1],
    ['o', 'DefaultLocale', 1, 1], ['o', 'DisplayName', 1, 1], ['o', 'Description', 1, 1], ['o', 'IconUrl', 0, 1],
    ['o', 'HighResolutionIconUrl', 0, 1], ['o', 'SupportUrl', 0, 1], ['o', 'AppDomains', 0, 1], ['o', 'Hosts', 0, 1],
    ['o', 'Requirements', 0, 1], ['o', 'DefaultSettings', 1, 1], ['o', 'Permissions', 1, 1],
    ['o', 'AllowSnapshot', 0, 1], ['v', 'VersionOverrides', 0, 1]],
  'OfficeApp/DisplayName': overrides('o'),
  'OfficeApp/Description': overrides('o'),
  'OfficeApp/IconUrl': overrides('o'),
  'OfficeApp/HighResolutionIconUrl': overrides('o'),
  'OfficeApp/SupportUrl': overrides('o'),
  'OfficeApp/AppDomains': [['o', 'AppDomain', 1, many]],
  'OfficeApp/Hosts': [['o', 'Host', 1, many]],
  'OfficeApp/DefaultSettings': [['o', 'SourceLocation', 1, 1]],
  'OfficeApp/DefaultSettings/SourceLocation': overrides('o'),
  [VO]: [['v', 'Description', 0, 1], ['v', 'Requirements', 0, 1], ['v', 'Hosts', 0, 1], ['v', 'Resources', 0, 1],
    ['v', 'WebApplicationInfo', 0, 1], ['v', 'EquivalentAddins', 0, 1]],
  [`${VO}/Hosts`]: [['v', 'Host', 1, many]],
  [`${VO}/Hosts/Host`]: [['v', 'DesktopFormFactor', 0, 1]],
  [`${VO}/Hosts/Host/DesktopFormFactor`]: [['v', 'GetStarted', 0, 1], ['v', 'FunctionFile', 0, 1], ['v', 'ExtensionPoint', 1, many]],
  [`${VO}/Hosts/Host/DesktopFormFactor/ExtensionPoint`]: [['v', 'OfficeTab', 0, many], ['v', 'CustomTab', 0, many]],
  [`${VO}/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab`]: [['v', 'Group', 1, many]],
  [`${VO}/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab/Group`]: [['v', 'Label', 1, 1], ['v', 'Icon', 1, 1], ['v', 'Control', 1, many]],
  [`${VO}/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab/Group/Icon`]: [['bt', 'Image', 1, many]],
  [CONTROL]: [['v', 'Label', 1, 1], ['v', 'Supertip', 1, 1], ['v', 'Icon', 1, 1], ['v', 'Action', 1, 1]],
  [`${CONTROL}/Supertip`]: [['v', 'Title', 1, 1], ['v', 'Description', 1, 1]],
  [`${CONTROL}/Icon`]: [['bt', 'Image', 1, many]],
  [`${CONTROL}/Action`]: [['v', 'TaskpaneId', 0, 1], ['v', 'SourceLocation', 1, 1], ['v', 'Title', 0, 1]],
  [RESOURCES]: [['bt', 'Images', 0, 1], ['bt', 'Urls', 0, 1], ['bt', 'ShortStrings', 0, 1], ['bt', 'LongStrings', 0, 1]],
  [`${RESOURCES}/Images`]: [['bt', 'Image', 1, many]],
  [`${RESOURCES}/Images/Image`]: overrides('bt'),
  [`${RESOURCES}/Urls`]: [['bt', 'Url', 1, many]],
  [`${RESOURCES}/Urls/Url`]: overrides('bt'),
  [`${RESOURCES}/ShortStrings`]: [['bt', 'String', 1, many]],
  [`${RESOURCES}/ShortStrings/String`]: overrides('bt'),
  [`${RESOURCES}/LongStrings`]: [['bt', 'String', 1, many]],
  [`${RESOURCES}/LongStrings/String`]: overrides('bt'),
};
const XSI_TYPES = {
  'OfficeApp': 'TaskPaneApp', [VO]: 'VersionOverridesV1_0', [`${VO}/Hosts/Host`]: 'Workbook',
  [`${VO}/Hosts/Host/DesktopFormFactor/ExtensionPoint`]: 'PrimaryCommandSurface',
  [CONTROL]: 'Button', [`${CONTROL}/Action`]: 'ShowTaskpane',
};
const CULTURE = /^([a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(-[a-zA-Z]{2,3}(_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;

// The manifest's problems against the documented schema, and its URLs; [] when it conforms.
async function manifestProblems(xml, host) {
  const xml2js = require('xml2js');
  const doc = await xml2js.parseStringPromise(xml, {explicitChildren: true, preserveChildrenOrder: true, xmlns: true});
  const problems = [];
  const urls = [];
  const ids = {};
  const refs = [];
  const attr = (node, name) => node.$ && node.$[name] ? node.$[name].value : undefined;
  const xsiType = (node) => {
    const a = node.$ && Object.values(node.$).find((x) => x.uri === NS.xsi && x.local === 'type');
    return a ? a.value.replace(/^.*:/, '') : undefined;
  };
  const url = (where, value) => {
    urls.push(value);
    if (!(value === `https://${host}` || value.startsWith(`https://${host}/`)))
      problems.push(`${where}: ${value} is not an https address of this server`);
  };
  const short = (where, value, max) => {
    if (!value || value.length > max) problems.push(`${where}: "${value}" is not 1 to ${max} characters`);
  };
  function visit(node, parent) {
    const name = node.$ns.local;
    const where = parent ? parent + '/' + name : name;
    const children = node.$$ || [];
    const wantType = XSI_TYPES[where];
    if (wantType && xsiType(node) !== wantType) problems.push(`${where}: xsi:type ${xsiType(node)}, not ${wantType}`);
    const sequence = SEQUENCES[where];
    if (!sequence && children.length) problems.push(`${where}: has children where the schema has none`);
    if (sequence) {
      let i = 0;
      for (const [ns, child, min, max] of sequence) {
        let count = 0;
        while (i < children.length && children[i].$ns.local === child && children[i].$ns.uri === NS[ns]) {
          count++;
          i++;
        }
        if (count < min || count > max) problems.push(`${where}: ${count} ${child}, the schema wants ${min} to ${max}`);
      }
      if (i < children.length)
        problems.push(`${where}: ${children[i].$ns.local} is out of place (after ${i ? children[i - 1].$ns.local : 'nothing'})`);
    }
    // Simple types and references.
    const text = typeof node._ === 'string' ? node._.trim() : '';
    const value = attr(node, 'DefaultValue');
    if (where === 'OfficeApp/Id' && !/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/.test(text)) problems.push('Id is not a UUID');
    if (where === 'OfficeApp/Version' && !/^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/.test(text)) problems.push(`Version ${text}`);
    if (where === 'OfficeApp/ProviderName') short(where, text, 125);
    if (where === 'OfficeApp/DefaultLocale' && !CULTURE.test(text)) problems.push(`DefaultLocale ${text}`);
    if (where === 'OfficeApp/DisplayName') short(where, value, 125);
    if (where === 'OfficeApp/Description') short(where, value, 250);
    if (where === 'OfficeApp/Permissions' && !['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'].includes(text))
      problems.push(`Permissions ${text}`);
    if (/^OfficeApp\/(IconUrl|HighResolutionIconUrl|SupportUrl|DefaultSettings\/SourceLocation)$/.test(where)) url(where, value);
    if (where === 'OfficeApp/AppDomains/AppDomain') url(where, text);
    if (name === 'Override') {
      if (!CULTURE.test(attr(node, 'Locale') || '')) problems.push(`${where}: Locale ${attr(node, 'Locale')}`);
      const kind = parent.split('/').at(-2) === 'LongStrings' || parent === 'OfficeApp/Description' ? 250 : 125;
      if (/Url|SourceLocation|Images\/Image|Urls\/Url/.test(parent)) url(where, attr(node, 'Value'));
      else short(where, attr(node, 'Value'), kind);
    }
    if (parent && parent.startsWith(RESOURCES + '/') && !parent.slice(RESOURCES.length + 1).includes('/')) {
      const id = attr(node, 'id');
      if (!id || id.length > 32) problems.push(`${where}: id "${id}" is not 1 to 32 characters`);
      const kind = parent.split('/').at(-1);
      (ids[kind] ??= new Set()).add(id);
      if (kind === 'Images' || kind === 'Urls') url(`${where} ${id}`, value);
      else short(`${where} ${id}`, value, kind === 'LongStrings' ? 250 : 125);
    }
    const resid = attr(node, 'resid');
    if (resid !== undefined) {
      const kind = name === 'Image' ? 'Images' : /SourceLocation|FunctionFile/.test(name) ? 'Urls'
        : where.endsWith('Supertip/Description') ? 'LongStrings' : 'ShortStrings';
      refs.push([where, resid, kind]);
    }
    if (name === 'Icon' && where.startsWith(VO)) {
      const sizes = children.map((c) => attr(c, 'size')).sort((a, b) => a - b);
      if (sizes.join() !== '16,32,80') problems.push(`${where}: icon sizes ${sizes}, the schema wants 16, 32 and 80`);
    }
    for (const c of children) visit(c, where);
  }
  const root = Object.values(doc)[0];
  if (root.$ns.uri !== NS.o || root.$ns.local !== 'OfficeApp') problems.push('the root is not OfficeApp 1.1');
  visit(root, '');
  for (const [where, resid, kind] of refs)
    if (!(ids[kind] && ids[kind].has(resid))) problems.push(`${where}: resid ${resid} is not among the ${kind}`);
  return {problems, urls};
}

test('the manifest follows the documented schema, and its addresses are this server\'s, over https', async () => {
  const xml = await (await fetch(base + '/addin/manifest.xml', {headers: {'X-Forwarded-Proto': 'https'}})).text();
  const host = new URL(base).host;
  const {problems, urls} = await manifestProblems(xml, host);
  assert.deepEqual(problems, []);
  assert.ok(urls.length >= 9, urls.join(' '));
  for (const u of new Set(urls)) {
    const reply = await fetch(base + new URL(u).pathname);
    assert.equal(reply.status, 200, u);
  }
  // The checker is not blind: elements out of order, a missing one, a plain http address, a
  // dangling reference and a too long label are each found.
  const broken = [
    [xml.replace(/(  <Permissions>.*<\/Permissions>\n)/, '').replace('  <DefaultSettings>', '  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>'), /Permissions is out of place|DefaultSettings/],
    [xml.replace(/<Supertip>[\s\S]*?<\/Supertip>/, ''), /Control: 0 Supertip/],
    [xml.replace(`<IconUrl DefaultValue="https://`, `<IconUrl DefaultValue="http://`), /IconUrl: http:/],
    [xml.replace('<FunctionFile resid="Kinerja.Pane.Url"/>', '<FunctionFile resid="Kinerja.Nothing"/>'), /resid Kinerja\.Nothing/],
    [xml.replace('DefaultValue="Periksa dan Isi"', `DefaultValue="${'x'.repeat(126)}"`), /not 1 to 125 characters/],
    [xml.replace(/<Group id="Kinerja.Group">\s*<Label resid="Kinerja.Group.Label"\/>/, '<Group id="Kinerja.Group">'), /Group: 0 Label/],
  ];
  for (const [bad, expected] of broken) {
    assert.notEqual(bad, xml, 'the mutation applies');
    const found = (await manifestProblems(bad, host)).problems;
    assert.ok(found.some((p) => expected.test(p)), `${expected}: ${found.join('; ')}`);
  }
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
  // The policy: office.js's relaxations only (docs/addin.md), never inline or eval'd script.
  const policy = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(policy['script-src'], ["'self'", 'https://appsforoffice.microsoft.com', 'ajax.aspnetcdn.com']);
  assert.deepEqual(policy['style-src'], ["'self'"]);
  assert.deepEqual(policy['style-src-attr'], ["'unsafe-hashes'", `'sha256-${require('node:crypto').createHash('sha256').update('display:none').digest('base64')}'`]);
  assert.deepEqual(policy['frame-src'], ['https://appsforoffice.microsoft.com', 'https://telemetryservice.firstpartyapps.oaspapps.com']);
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.ok(!/'unsafe-inline'|'unsafe-eval'/.test(csp), csp);
  assert.match(csp, /frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
  assert.equal(page.headers.get('x-frame-options'), null);
  // Without a proxy in front, a plain loopback server's address.
  const plain = await (await fetch(base + '/addin/manifest.xml')).text();
  assert.ok(plain.includes(`<SourceLocation DefaultValue="http://${host}/addin/"/>`));
  assert.equal((await fetch(base + '/addin/nothing.js')).status, 404);
});

// ---- the pane in Chromium ----

// Microsoft's office.js as published on npm (@microsoft/office-js), for the CDN address the
// pane loads it from; no request leaves the machine.
const officeDist = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
const officeCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
// Excel on the web frames the pane from an Office host. The pane is reached at an https name
// routed to the test server; it shares the host's site so that Chromium's blocking of
// third-party storage (the test profile's default) does not stop office.js before it starts.
const officeHost = 'https://excel.officeapps.live.com';
const paneHost = 'https://kinerja-test.officeapps.live.com';

function contentTypeOf(file) {
  return {'.js': 'application/javascript', '.html': 'text/html', '.css': 'text/css', '.png': 'image/png'}[path.extname(file)] ||
    'application/octet-stream';
}

// A Chromium context at 320 px whose policy violations, page errors and console errors are
// collected, with office.js (or `fakeOfficeJs`, a stand-in script) at Microsoft's address.
async function paneContext(browser, {fakeOfficeJs, height = 560} = {}) {
  const context = await browser.newContext({viewport: {width: 320, height}});
  const seen = {violations: [], errors: [], requested: [], refused: []};
  await context.exposeBinding('kinerjaViolation', (source, text) => seen.violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.kinerjaViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  context.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) seen.violations.push('console: ' + m.text());
    else if (m.type() === 'error') seen.errors.push('console: ' + m.text());
  });
  context.on('weberror', (e) => seen.errors.push('script error: ' + e.error().message));
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, async (route) => {
    const url = new URL(route.request().url());
    seen.requested.push(url.href);
    if (url.href.startsWith(officeCdn)) {
      const name = decodeURIComponent(url.pathname.slice(new URL(officeCdn).pathname.length));
      if (fakeOfficeJs && name === 'office.js')
        return route.fulfill({body: fakeOfficeJs, contentType: 'application/javascript'});
      const file = [path.join(officeDist, name), path.join(officeDist, name.toLowerCase())].find((f) => fs.existsSync(f));
      if (file && path.resolve(file).startsWith(officeDist + path.sep))
        return route.fulfill({path: file, contentType: contentTypeOf(file)});
    }
    // The Excel 2016 host script loads Microsoft's Ajax library; any script does for the policy.
    if (url.host === 'ajax.aspnetcdn.com')
      return route.fulfill({body: '/* MicrosoftAjax.js stand-in */', contentType: 'application/javascript'});
    // office.js's telemetry frame (outside a current host): an empty page stands in.
    if (url.host === 'telemetryservice.firstpartyapps.oaspapps.com')
      return route.fulfill({body: '<!doctype html><title>telemetry stand-in</title>', contentType: 'text/html'});
    if (url.origin === paneHost) return route.fulfill({response: await route.fetch({url: base + url.pathname + url.search})});
    if (url.origin === officeHost) {
      // Excel on the web: the pane in a frame, its host info in the query and the Office
      // conversation (id, add-in, host page) in the fragment, as Office passes them.
      const src = `${paneHost}/addin/?_host_Info=Excel$Web$16.00$id-ID$$$$0#&_xdm_Info=kinerja-test$kinerja$${officeHost}/`;
      return route.fulfill({contentType: 'text/html', body: `<!doctype html><title>Excel</title><iframe src="${src}" width="320" height="540"></iframe>`});
    }
    seen.refused.push(url.href);
    return route.abort();
  });
  return {context, seen};
}

// Waits up to `ms` for `done()`, checking every 100 ms.
async function until(page, done, ms = 10000) {
  for (const start = Date.now(); !done() && Date.now() - start < ms;) await page.waitForTimeout(100);
  return done();
}

async function chromium(t) {
  if (!fs.existsSync(browserPath)) {
    t.skip('no Chromium: scripts/install-deps --browser');
    return null;
  }
  const {chromium: launcher} = require('playwright-core');
  return launcher.launch({executablePath: browserPath, args: ['--no-sandbox']});
}

test('outside Office, with Microsoft\'s office.js, the pane says it must be opened in Excel (Chromium, 320 px)', async (t) => {
  const browser = await chromium(t);
  if (!browser) return;
  try {
    const {context, seen} = await paneContext(browser);
    const page = await context.newPage();
    await page.goto(base + '/addin/');
    await page.locator('#status').filter({hasText: 'harus dibuka di dalam Excel'}).waitFor();
    assert.equal(await page.locator('#actions').isHidden(), true);
    assert.ok(seen.requested.includes(officeCdn + 'office.js'), 'office.js is loaded');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 320, `the page is ${overflow} px wide`);
    // office.js adds its telemetry frame a few seconds later, hidden by an inline style.
    const telemetry = () => seen.requested.some((u) => u.includes('telemetryservice.firstpartyapps.oaspapps.com'));
    await until(page, () => telemetry() || seen.violations.length > 0);
    assert.deepEqual(seen.violations, []);
    assert.ok(telemetry(), 'the telemetry frame is loaded');
    assert.deepEqual(seen.errors, []);
  } finally {
    await browser.close();
  }
});

// What each Excel's office.js does on load must pass the pane's policy: Excel on the web (in
// an Office frame), Windows (Microsoft 365 and 2016, which loads Microsoft's Ajax library) and
// the Mac. Outside the real Excel they do not reach Office.onReady; loading is what is checked.
for (const [name, hostInfo, script] of [
  ['Excel on the web', null, 'excel-web-16.00.js'],
  ['Excel for Windows', 'Excel$Win32$16.01$id-ID$$$$0', 'excel-win32-16.01.js'],
  ['Excel 2016 for Windows', 'Excel$Win32$16.00$id-ID$$$$0', 'excel-win32-16.00.js'],
  ['Excel for Mac', 'Excel$Mac$16.00$id-ID$$$$0', 'excel-mac-16.00.js'],
]) {
  test(`${name}: Microsoft's office.js loads under the pane's policy without a violation`, async (t) => {
    const browser = await chromium(t);
    if (!browser) return;
    try {
      const {context, seen} = await paneContext(browser);
      const page = await context.newPage();
      await page.goto(hostInfo ? `${base}/addin/?_host_Info=${hostInfo}` : officeHost + '/');
      await until(page, () => seen.requested.includes(officeCdn + script));
      assert.ok(seen.requested.includes(officeCdn + script), `${script} is loaded: ${seen.requested.join(', ')}`);
      await page.waitForTimeout(4000); // what the host script does next, telemetry included
      if (script === 'excel-win32-16.00.js')
        assert.ok(seen.requested.some((u) => u.includes('ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js')));
      assert.deepEqual(seen.violations, []);
    } finally {
      await browser.close();
    }
  });
}

// A stand-in for office.js: an Excel that supports every requirement set, in Bahasa Indonesia,
// whose open workbook is `bytes`; Excel.run records the cell a finding selects.
function fakeOffice(bytes) {
  return `(function () {
  const bytes = Uint8Array.from(atob('${Buffer.from(bytes).toString('base64')}'), (c) => c.charCodeAt(0));
  const ok = (value) => ({status: 'succeeded', value});
  const slice = 65536;
  window.Office = {
    HostType: {Excel: 'Excel'},
    AsyncResultStatus: {Succeeded: 'succeeded'},
    FileType: {Compressed: 'compressed'},
    context: {
      displayLanguage: 'id-ID',
      requirements: {isSetSupported: () => true},
      document: {
        getFileAsync(type, options, callback) {
          callback(ok({
            sliceCount: Math.ceil(bytes.length / slice),
            getSliceAsync: (i, cb) => cb(ok({data: Array.from(bytes.subarray(i * slice, (i + 1) * slice))})),
            closeAsync: (cb) => cb(ok()),
          }));
        },
      },
    },
    onReady(callback) { setTimeout(() => callback({host: 'Excel', platform: 'OfficeOnline'})); },
  };
  window.Excel = {
    run: async (body) => body({
      workbook: {worksheets: {getItem: (sheet) => ({
        activate() {},
        getRange: (cell) => ({select() { window.kinerjaSelected = sheet + '!' + cell; }}),
      })}},
      sync: async () => {},
    }),
  };
})();`;
}

test('in Excel the pane with its findings fits 320 px and works from the keyboard (Chromium)', async (t) => {
  const browser = await chromium(t);
  if (!browser) return;
  const input = path.join(samples, 'lapas-muara-enim-2023-lkjip.xlsx');
  const bytes = fs.readFileSync(input);
  const report = await (await fetch(base + '/api/v1/validate', {method: 'POST', body: bytes,
    headers: {'Content-Type': 'application/octet-stream'}})).json();
  assert.ok(report.findings.length > 3, 'a sample with findings');
  try {
    const {context, seen} = await paneContext(browser, {fakeOfficeJs: fakeOffice(bytes), height: 720});
    const page = await context.newPage();
    await page.goto(base + '/addin/');
    await page.locator('#status').filter({hasText: 'Siap.'}).waitFor();
    // Keyboard only: Tab reaches Periksa first, Enter runs it.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'periksa');
    await page.keyboard.press('Enter');
    await page.locator('#status').filter({hasText: /galat|peringatan/}).waitFor();
    const shown = page.locator('#results .finding');
    assert.equal(await shown.count(), report.findings.length);
    assert.deepEqual(await page.locator('#results h2').allTextContents(), [...new Set(report.findings.map((f) => f.sheet))]);
    // Every button, the token's summary and every finding, in order, by Tab.
    const focusable = await page.evaluate(() => [...document.querySelectorAll('button, summary')]
      .filter((e) => e.offsetParent !== null).length);
    const order = [];
    for (let i = 0; i < focusable - 1; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const e = document.activeElement;
        return e.id || e.tagName.toLowerCase() + (e.classList.contains('finding') ? '.finding' : '');
      }));
    }
    assert.deepEqual(order.slice(0, 2), ['isi', 'summary']);
    assert.deepEqual(order.slice(2), Array(report.findings.length).fill('button.finding'));
    // Enter on the last finding selects its cell.
    await page.keyboard.press('Enter');
    const last = report.findings.at(-1);
    assert.equal(await page.evaluate(() => window.kinerjaSelected), last.sheet + '!' + last.cell);
    // Nothing wider than the pane: neither the page nor any element in it.
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      wider: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 320.5)
        .map((e) => e.tagName + '.' + e.className),
    }));
    assert.ok(widths.page <= 320, `the page is ${widths.page} px wide`);
    assert.deepEqual(widths.wider, []);
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.errors, []);
    if (pictures) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({path: path.join(pictures, 'addin-panel.png')});
    }
  } finally {
    await browser.close();
  }
});

test('in Excel on the web with storage blocked in frames the pane still starts (Chromium)', async (t) => {
  const browser = await chromium(t);
  if (!browser) return;
  try {
    const {context, seen} = await paneContext(browser, {fakeOfficeJs: fakeOffice(new Uint8Array())});
    // What Chromium does to a frame from another site when third-party cookies are off.
    await context.addInitScript(() => Object.defineProperty(window, 'sessionStorage', {
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    }));
    const page = await context.newPage();
    await page.goto(base + '/addin/');
    await page.locator('#status').filter({hasText: 'Siap.'}).waitFor({timeout: 10000});
    assert.equal(await page.locator('#actions').isVisible(), true);
    assert.deepEqual(seen.errors, []);
  } finally {
    await browser.close();
  }
});
