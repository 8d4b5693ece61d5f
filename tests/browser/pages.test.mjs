// The pages of `kinerja serve` in real Chromium (Debian's, driven by playwright-core): what
// staff and operators do through them, checked against the command line's own results.
//
//   KINERJA_CLI      the kinerja binary (default build/kinerja)
//   CHROMIUM         the browser (default /usr/bin/chromium)
//   KINERJA_SCREENSHOTS=docs/img   also write the user guide's pictures there
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startServer} from '../support/start_server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.resolve(root, process.env.KINERJA_CLI || 'build/kinerja');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const pictures = process.env.KINERJA_SCREENSHOTS ? path.resolve(root, process.env.KINERJA_SCREENSHOTS) : null;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-browser-'));
const samples = path.join(root, 'samples');
const markup = '<img src=x onerror=alert(1)>';

let server, base, browser;

// playwright-core comes from `npm ci` in tests/browser (scripts/test runs it).
const {chromium} = await import('playwright-core').catch((e) => {
  throw new Error('playwright-core is not installed: run `npm ci` in tests/browser (' + e.message + ')');
});

before(async () => {
  assert.ok(fs.existsSync(cli), `no kinerja binary at ${cli}: build it first`);
  assert.ok(fs.existsSync(browserPath), `no Chromium at ${browserPath}: scripts/install-deps --browser`);
  ({child: server, url: base} = await startServer(cli, path.join(work, 'jobs')));
  browser = await chromium.launch({executablePath: browserPath, args: ['--no-sandbox']});
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  fs.rmSync(work, {recursive: true, force: true});
});

// A page that fails the test on any script error, dialog (alert) or CSP refusal.
async function openPage(address, options = {}) {
  const context = await browser.newContext({acceptDownloads: true, ...options});
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('script error: ' + e.message));
  page.on('dialog', (d) => {
    problems.push('a dialog opened: ' + d.message());
    d.dismiss();
  });
  page.on('console', (m) => {
    // A refusal the page shows (a 4xx answer) is logged by Chromium too; anything else counts,
    // a CSP refusal ("Refused to ...") above all.
    if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()))
      problems.push('console: ' + m.text());
  });
  await page.goto(base + address);
  page.problems = problems;
  page.done = async () => {
    assert.deepEqual(problems, [], 'the page ran into trouble');
    await context.close();
  };
  return page;
}

// `kinerja fill` of a file: the filled bytes and the report.
function cliFill(file, lang = 'id') {
  const out = path.join(work, 'cli-' + path.basename(file));
  const report = out + '.json';
  const r = spawnSync(cli, ['fill', file, '-o', out, '--report', report, '--lang', lang]);
  assert.ok(r.status === 0 || r.status === 1, `kinerja fill ${file}: ${r.stderr}`);
  return {bytes: fs.readFileSync(out), report: JSON.parse(fs.readFileSync(report, 'utf8'))};
}

async function saveDownload(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(work, 'dl-' + Date.now() + '-' + download.suggestedFilename());
  await download.saveAs(file);
  return {name: download.suggestedFilename(), bytes: fs.readFileSync(file)};
}

async function upload(page, file) {
  await page.setInputFiles('#workbook', file);
  await page.click('#fill-form button[type=submit]');
  await page.waitForSelector('#result:not([hidden])');
  await page.waitForFunction(() => !document.querySelector('#fill-form button').disabled);
}

async function findingRows(page) {
  return page.$$eval('#findings > tbody > tr', (rows) => rows.map((tr) => ({
    severity: tr.cells[0].textContent.trim(),
    rule: tr.cells[1].textContent.trim(),
    cell: tr.cells[2].textContent.trim(),
    message: tr.cells[3].querySelector('p').textContent,
  })));
}

async function picture(page, name, options = {}) {
  const file = pictures ? path.join(pictures, name) : path.join(work, name);
  await page.screenshot({path: file, ...options});
  assert.ok(fs.statSync(file).size > 1000);
}

const sampleFiles = [
  ...fs.readdirSync(samples).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(samples, f)),
  ...fs.readdirSync(path.join(samples, 'variants')).map((f) => path.join(samples, 'variants', f)),
];

test('each sample through the staff page: findings listed, filled bytes as kinerja fill', async () => {
  assert.ok(sampleFiles.length >= 5);
  const page = await openPage('/');
  assert.equal(await page.textContent('h1'), 'Periksa dan isi buku kerja');
  // A workbook with macros comes back as an .xlsm that keeps them, as from kinerja fill.
  const macros = path.join(root, 'tests', 'fixtures', 'carry', 'lxw-macro.xlsm');
  for (const file of [...sampleFiles, macros]) {
    const expected = cliFill(file);
    await upload(page, file);
    const name = path.basename(file);
    assert.equal(await page.textContent('#sum-file'), name);
    assert.equal(await page.textContent('#sum-tables'), String(expected.report.tables.length), name);
    const rows = await findingRows(page);
    assert.equal(rows.length, expected.report.findings.length, name);
    assert.deepEqual(rows.map((r) => [r.rule, r.cell, r.message]),
      expected.report.findings.map((f) => [f.rule, f.sheet + '!' + f.cell, f.message]), name);
    assert.equal(await page.locator('#tables tbody tr').count(), expected.report.tables.length);

    const filled = await saveDownload(page, () => page.click('#download-filled'));
    assert.equal(filled.name, name.replace(/\.xls[xm]$/, '') + '-terisi' + path.extname(name));
    assert.ok(filled.bytes.equals(expected.bytes), `${name}: the download differs from kinerja fill`);

    const report = await saveDownload(page, () => page.click('#download-report'));
    const findings = JSON.parse(report.bytes.toString('utf8')).findings.map(({row, ...f}) => f);
    assert.deepEqual(findings, expected.report.findings, name);
  }
  await page.done();
});

test('findings sort by a column header, by mouse and by keyboard, and show their row', async () => {
  const file = path.join(samples, 'rutan-soe-2023-lkjip.xlsx');
  const expected = cliFill(file).report.findings;
  assert.ok(expected.length > 3, 'the sample needs findings to sort');
  const page = await openPage('/');
  await upload(page, file);

  await page.click('#findings th[data-key=cell] button');
  assert.equal(await page.getAttribute('#findings th[data-key=cell]', 'aria-sort'), 'ascending');
  const cells = (await findingRows(page)).map((r) => r.cell);
  const order = (c) => {
    const [, sheet, col, row] = /^(.*)!([A-Z]+)(\d+)$/.exec(c);
    return [sheet, Number(row), col.length, col];
  };
  for (let i = 1; i < cells.length; ++i) {
    const [a, b] = [order(cells[i - 1]), order(cells[i])];
    const sameSheet = a[0] === b[0];
    assert.ok(!sameSheet || a[1] < b[1] || (a[1] === b[1] && (a[2] < b[2] || (a[2] === b[2] && a[3] <= b[3]))),
      `${cells[i - 1]} before ${cells[i]}`);
  }

  // The keyboard: focus the severity header's button and press Enter twice (descending).
  await page.focus('#findings th[data-key=severity] button');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#findings th[data-key=severity]', 'aria-sort'), 'descending');
  const severities = (await findingRows(page)).map((r) => r.severity);
  assert.deepEqual(severities, [...severities].sort().reverse());  // Peringatan before Galat
  assert.equal(await page.getAttribute('#findings th[data-key=cell]', 'aria-sort'), null);
  const outline = await page.$eval('#findings th[data-key=severity] button',
    (b) => getComputedStyle(b).outlineStyle);
  assert.notEqual(outline, 'none', 'keyboard focus is visible');

  // The offending row: its cells under their column headers, the finding's cell marked.
  const first = page.locator('#findings > tbody > tr').first();
  const cell = (await first.locator('td').nth(2).textContent()).split('!').pop();
  await first.locator('details.row summary').click();
  const marked = first.locator('details.row tr.here');
  assert.equal(await marked.count(), 1);
  assert.equal(await marked.locator('th').textContent() + cell.replace(/^[A-Z]+/, ''), cell);
  assert.match(await first.locator('details.row summary').textContent(), /^Baris \d+$/);

  // The guide's picture: from the summary down to the first findings, one row opened.
  await page.setViewportSize({width: 1200, height: 900});
  const top = (await page.locator('#result').boundingBox()).y + (await page.evaluate(() => scrollY));
  const end = (await page.locator('#findings > tbody > tr').nth(2).boundingBox()).y +
    (await page.evaluate(() => scrollY));
  await picture(page, 'peramban-staf.png',
    {fullPage: true, clip: {x: 0, y: top - 16, width: 1200, height: end - top + 16}});
  await page.done();
});

test('markup from a workbook is shown as text and nothing runs', async () => {
  const file = path.join(root, 'tests/fixtures/hostile/markup_in_names.xlsx');
  const page = await openPage('/');
  await upload(page, file);
  assert.equal(await page.textContent('#tables tbody td:first-child'), markup);
  assert.equal(await page.textContent('#tables tbody td:nth-child(5)'), 'LAPAS <b>UJI</b>');
  const rows = await findingRows(page);
  assert.ok(rows.length > 0, 'the fixture makes a finding');
  assert.ok(rows.every((r) => r.cell.startsWith(markup + '!')));
  await page.locator('#findings details.row summary').first().click();
  const texts = await page.locator('#findings details.row td').allTextContents();
  assert.ok(texts.some((t) => t.includes('<script>alert(2)</script>')), texts.join(' | '));
  assert.equal(await page.locator('img, b, script:not([src])').count(), 0, 'no element from the workbook');
  await page.waitForTimeout(200);  // an onerror would have fired by now
  await page.done();  // and no dialog opened
});

test('a new workbook from a template', async () => {
  const page = await openPage('/');
  await page.waitForSelector('#template option', {state: 'attached'});
  await page.selectOption('#template', 'capaian-kinerja');
  await page.fill('#satker', 'Lapas Kelas IIA Contoh');
  await page.fill('#tahun', '2025');
  const made = await saveDownload(page, () => page.click('#new-form button[type=submit]'));
  assert.equal(made.name, 'capaian-kinerja.xlsx');
  const file = path.join(work, 'baru.xlsx');
  fs.writeFileSync(file, made.bytes);
  const inspected = spawnSync(cli, ['inspect', file, '--json']);
  const tables = JSON.parse(inspected.stdout).tables;
  assert.ok(tables.length > 0 && tables[0].tahun === 2025, inspected.stdout.toString());

  // Not four digits: the form itself says so, and nothing is sent.
  const before = await page.textContent('#new-status');
  assert.equal(before, 'Diunduh: capaian-kinerja.xlsx.');
  await page.fill('#tahun', '20x5');
  await page.click('#new-form button[type=submit]');
  assert.equal(await page.$eval('#tahun', (e) => e.validity.patternMismatch), true);
  await page.waitForTimeout(300);
  assert.equal(await page.textContent('#new-status'), before);
  // A year the server refuses: its message, shown where the user looks.
  await page.fill('#tahun', '1999');
  await page.click('#new-form button[type=submit]');
  await page.waitForSelector('#new-status.bad');
  assert.match(await page.textContent('#new-status'), /tahun 1999 di luar 2000-2099/);
  await page.done();
});

test('what the filled workbook could not carry is listed in the page\'s language', async () => {
  const file = path.join(root, 'tests', 'fixtures', 'hostile', 'formula_100kb.xlsx');
  for (const [address, said, unsaid] of [
    ['/', /^rumus lebih dari 8\.192 karakter ditulis sebagai nilai terakhirnya \(/, /formula/],
    ['/?lang=en', /^formula longer than 8192 characters written as its last value \(/, /rumus/],
  ]) {
    const page = await openPage(address);
    await upload(page, file);
    assert.equal(await page.isVisible('#dropped'), true, address);
    const items = await page.$$eval('#dropped-list li', (li) => li.map((i) => i.textContent));
    assert.ok(items.some((i) => said.test(i)), `${address}: ${items.join(' | ')}`);
    for (const item of items) assert.doesNotMatch(item, unsaid, address);
    await page.done();
  }
});

test('the English page: texts, findings and the server\'s messages in English', async () => {
  const file = path.join(samples, 'lapas-kerobokan-2024-rencana-aksi.xlsx');
  const expected = cliFill(file, 'en').report.findings;
  assert.ok(expected.length > 0, 'the sample needs a finding to read in English');
  const page = await openPage('/?lang=en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), 'Check and fill a workbook');
  assert.equal(await page.textContent('#fill-form button[type=submit]'), 'Check and fill');
  assert.equal(await page.getAttribute('a[href="/wilayah?lang=en"]', 'aria-current'), null);
  await upload(page, file);
  const rows = await findingRows(page);
  assert.deepEqual(rows.map((r) => r.message), expected.map((f) => f.message));
  assert.match(rows[0].severity, /^(Error|Warning)$/);
  assert.match(await page.locator('#findings details.row summary').first().textContent(), /^Row \d+$/);

  await page.setInputFiles('#workbook', path.join(root, 'tests/browser/package.json'));
  await page.click('#fill-form button[type=submit]');
  await page.waitForSelector('#status.bad');
  const message = await page.textContent('#status');
  assert.doesNotMatch(message, /tidak|berkas/, message);
  await page.done();
});

test('a region batch through /wilayah: progress, results, rekap as kinerja batch', async () => {
  const template = path.join(samples, 'wilayah/templat-wilayah.xlsx');
  const data = path.join(samples, 'wilayah/data-wilayah.csv');
  const out = path.join(work, 'cli-wilayah');
  // The job keeps the upload as data.csv, and the rekap names its source: the same name here.
  const dataCopy = path.join(fs.mkdtempSync(path.join(work, 'data-')), 'data.csv');
  fs.copyFileSync(data, dataCopy);
  const r = spawnSync(cli, ['batch', '--template', template, '--data', dataCopy, '--out', out]);
  assert.ok(r.status === 0 || r.status === 1, r.stderr.toString());
  const laporan = JSON.parse(fs.readFileSync(path.join(out, 'laporan.json'), 'utf8'));

  const page = await openPage('/wilayah');
  assert.equal(await page.textContent('h1'), 'Isi dan rekap buku kerja seluruh satker');
  await page.setInputFiles('#template', template);
  await page.setInputFiles('#data', data);
  await page.click('#job-form button[type=submit]');
  await page.waitForSelector('#result:not([hidden])', {timeout: 60000});
  assert.equal(await page.textContent('#sum-units'), '8');
  assert.equal(await page.getAttribute('#progress', 'value'), await page.getAttribute('#progress', 'max'));
  assert.match(await page.textContent('#progress-text'), /^8 dari 8 satker selesai/);
  assert.match(await page.textContent('#status'), /Pekerjaan selesai/);

  const rekap = await saveDownload(page, () => page.click('#download-rekap'));
  assert.equal(rekap.name, 'rekap.xlsx');
  assert.ok(rekap.bytes.equals(fs.readFileSync(path.join(out, 'rekap.xlsx'))),
    'the rekap differs from kinerja batch');
  const report = await saveDownload(page, () => page.click('#download-laporan'));
  assert.equal(JSON.parse(report.bytes).units.length, laporan.units.length);
  const hasil = await saveDownload(page, () => page.click('#download-hasil'));
  assert.equal(hasil.bytes.subarray(0, 2).toString(), 'PK');
  await page.setViewportSize({width: 1100, height: 800});
  await picture(page, 'peramban-wilayah.png', {fullPage: true});

  // The filled workbooks again, as a zip the units sent in: one bad file among them fails alone.
  const zipFile = path.join(work, 'kiriman.zip');
  fs.writeFileSync(zipFile, hasil.bytes);
  const added = spawnSync('python3', ['-c', 'import sys, zipfile\n' +
    'with zipfile.ZipFile(sys.argv[1], "a") as z: z.writestr("S999.xlsx", "bukan buku kerja")', zipFile]);
  assert.equal(added.status, 0, added.stderr.toString());
  await page.check('input[name=mode][value=zip]');
  assert.equal(await page.isVisible('#template'), false);
  await page.setInputFiles('#zip', zipFile);
  await page.click('#job-form button[type=submit]');
  await page.waitForSelector('#result:not([hidden])', {timeout: 60000});
  assert.equal(await page.textContent('#sum-units'), '9');
  assert.equal(await page.textContent('#sum-failed'), '1');
  const failed = await page.locator('#failures tbody tr').allTextContents();
  assert.equal(failed.length, 1);
  assert.match(failed[0], /S999/);
  await page.done();
});

test('on a phone screen: one column, nothing wider than the screen', async () => {
  const page = await openPage('/', {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
  await upload(page, path.join(samples, 'lapas-kerobokan-2024-rencana-aksi.xlsx'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  const [label, input] = await Promise.all(['label[for=satker]', '#satker'].map((s) => page.locator(s).boundingBox()));
  assert.ok(input.y > label.y, 'a label above its field');
  await page.locator('#findings details.row summary').first().click();
  await page.evaluate(() => {
    document.getElementById('findings-box').scrollLeft = 0;
    document.getElementById('result-title').scrollIntoView();
  });
  await picture(page, 'peramban-ponsel.png');
  await page.done();
});

// WCAG 2.1 AA on every text the pages show (with findings listed, severities coloured): the
// contrast of each element's own text against the first opaque background behind it, 4.5:1
// (3:1 for large text); and every field has a label a screen reader reads.
async function accessibilityProblems(page) {
  return page.evaluate(() => {
    const rgba = (text) => {
      const m = text.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return {r, g, b, a};
    };
    const luminance = ({r, g, b}) => {
      const channel = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (node) => {
      for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
        const c = rgba(getComputedStyle(n).backgroundColor);
        if (c && c.a > 0.99) return c;
      }
      return {r: 255, g: 255, b: 255, a: 1};
    };
    const problems = [];
    let checked = 0;
    for (const node of document.querySelectorAll('body *')) {
      const ownText = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
      if (!ownText || !node.checkVisibility()) continue;
      const style = getComputedStyle(node);
      const fg = rgba(style.color);
      const bg = background(node);
      const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      checked++;
      if (ratio < (large ? 3 : 4.5))
        problems.push(`${node.tagName.toLowerCase()}#${node.id} "${node.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}:1`);
    }
    for (const field of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const labelled = field.labels?.length || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
      if (!labelled) problems.push(`field ${field.name || field.id} has no label`);
    }
    return {problems, checked};
  });
}

test('contrast and labels on both pages, in both languages', async () => {
  for (const lang of ['', '?lang=en']) {
    const page = await openPage('/' + lang);
    await upload(page, path.join(samples, 'rutan-soe-2023-lkjip.xlsx'));
    await page.locator('#findings details.row summary').first().click();
    const staff = await accessibilityProblems(page);
    assert.ok(staff.checked > 50, `only ${staff.checked} texts checked`);
    assert.deepEqual(staff.problems, [], 'staff page' + lang);
    // The check itself sees pale grey on white, and a field without its label.
    await page.evaluate(() => {
      document.getElementById('result-title').style.color = '#bbb';
      document.querySelector('label[for=satker]').removeAttribute('for');
    });
    const spoiled = (await accessibilityProblems(page)).problems.join('\n');
    assert.match(spoiled, /h2#result-title/);
    assert.match(spoiled, /field satker has no label/);
    await page.done();
    const region = await openPage('/wilayah' + lang);
    const operators = await accessibilityProblems(region);
    assert.ok(operators.checked > 10, `only ${operators.checked} texts checked`);
    assert.deepEqual(operators.problems, [], 'wilayah page' + lang);
    await region.done();
  }
});
