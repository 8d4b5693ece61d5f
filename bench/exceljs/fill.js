// The fill job of `kinerja batch`, done with exceljs, for bench/bench_batch.cpp:
// per satker of the data, load the template, put the satker in the title, add a Data sheet
// with the raw inputs, fill realisasi, capaian and kategori of every indicator row as live
// formulas with cached results, write <kode>.xlsx; then a one-sheet rekap.
//
//     node fill.js TEMPLATE.xlsx DATA.csv INDICATORS.json OUT_DIR [K/N]
//
// INDICATORS.json (written by the benchmark) names the template's indicators: id, name,
// target, vars, last_vars (taken from the last triwulan, others summed), kind, turun, round.
// Not done here, unlike kinerja: table recognition, validation, the manifest and the
// per-triwulan rekap. The comparison is generous to exceljs.
'use strict';
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const [templateFile, dataFile, indicatorsFile, outDir, shardText] = process.argv.slice(2);
const [shardK, shardN] = (shardText || '1/1').split('/').map(Number);
const indicators = JSON.parse(fs.readFileSync(indicatorsFile, 'utf8'));
const byName = new Map(indicators.map((i) => [i.name, i]));
const periods = ['TW1', 'TW2', 'TW3', 'TW4'];

function splitCsv(line) {
  const fields = [''];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { fields[fields.length - 1] += '"'; i++; }
      else if (c === '"') quoted = false;
      else fields[fields.length - 1] += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push('');
    else fields[fields.length - 1] += c;
  }
  return fields;
}

function readData(file) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const header = splitCsv(lines[0]);
  const at = (name) => header.indexOf(name);
  const units = new Map();
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const f = splitCsv(line);
    const kode = f[at('satker')];
    if (!units.has(kode)) units.set(kode, { kode, nama: f[at('satker_nama')] || '', values: new Map() });
    const unit = units.get(kode);
    const key = f[at('indikator')] + '\u0000' + f[at('variabel')];
    if (!unit.values.has(key)) unit.values.set(key, {});
    unit.values.get(key)[f[at('periode')]] = Number(f[at('nilai')]);
  }
  return [...units.values()].sort((a, b) => (a.kode < b.kode ? -1 : 1));
}

const trunc2 = (x) => Math.floor(x * 100 + 1e-7) / 100;
const round2 = (x) => Math.floor(x * 100 + 0.5 + 1e-7) / 100;
const pct = (a, b) => (b === 0 ? NaN : (a / b) * 100);

function realisasi(ind, v) {
  const x = ind.vars.map((name) => v[name]);
  switch (ind.kind) {
    case 'pct': return pct(x[0], x[1]);
    case 'pct_diff': return pct(x[0] - x[1], x[0]);
    case 'avg_pct2': return (pct(x[0], x[1]) + pct(x[2], x[3])) / 2;
    default: return x[0];
  }
}

function kategori(c) {
  if (Number.isNaN(c)) return '-';
  return c > 85 ? 'AA' : c > 75 ? 'A' : c > 65 ? 'B' : c > 50 ? 'CC' : c > 30 ? 'C' : 'D';
}

async function fillUnit(templateBuffer, unit) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(templateBuffer);
  const sheet = wb.getWorksheet('Capaian Kinerja');
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string' && cell.value.includes('NAMA SATUAN KERJA'))
      cell.value = cell.value.replace('NAMA SATUAN KERJA', unit.nama || unit.kode);
  }));
  const data = wb.addWorksheet('Data');
  data.addRow(['Indikator', 'Variabel', 'TW I', 'TW II', 'TW III', 'TW IV']);
  const cellOf = new Map();
  for (const [key, values] of unit.values) {
    const [indikator, variabel] = key.split('\u0000');
    const row = data.addRow([indikator, variabel, ...periods.map((p) => values[p])]);
    cellOf.set(key, row.number);
  }
  const rekapRow = [unit.kode, unit.nama];
  sheet.eachRow((row, r) => {
    const ind = byName.get(row.getCell(3).value);
    if (!ind) return;
    const v = {};
    const refs = [];
    for (const name of ind.vars) {
      const key = ind.id + '\u0000' + name;
      const values = unit.values.get(key) || {};
      const last = ind.last_vars.includes(name);
      v[name] = last ? values.TW4 : periods.reduce((s, p) => s + (values[p] || 0), 0);
      const dr = cellOf.get(key);
      refs.push(last ? `Data!F${dr}` : `SUM(Data!C${dr}:F${dr})`);
    }
    const raw = realisasi(ind, v);
    const real = ind.round ? round2(raw) : trunc2(raw);
    const c = ind.turun ? Math.max(0, ((2 * ind.target - real) / ind.target) * 100) : (real / ind.target) * 100;
    const capaian = ind.round ? round2(c) : trunc2(c);
    const [a, b, c2, d] = refs;
    const expr = { pct: `${a}/${b}*100`, pct_diff: `(${a}-${b})/${a}*100`,
      avg_pct2: `(${a}/${b}*100+${c2}/${d}*100)/2`, single: a }[ind.kind];
    const rounding = ind.round ? 'ROUND' : 'TRUNC';
    row.getCell(6).value = { formula: `${rounding}(${expr},2)`, result: real };
    const cap = ind.turun ? `MAX(0,(2*E${r}-F${r})/E${r}*100)` : `F${r}/E${r}*100`;
    row.getCell(7).value = { formula: `IF(E${r}=0,"-",${rounding}(${cap},2))`, result: capaian };
    row.getCell(8).value = {
      formula: `IF(ISNUMBER(G${r}),IF(G${r}>85,"AA",IF(G${r}>75,"A",IF(G${r}>65,"B",` +
        `IF(G${r}>50,"CC",IF(G${r}>30,"C","D"))))),"-")`,
      result: kategori(capaian),
    };
    rekapRow.push(real, capaian, kategori(capaian));
  });
  await wb.xlsx.writeFile(path.join(outDir, unit.kode.replace(/[^A-Za-z0-9._-]/g, '_') + '.xlsx'));
  return rekapRow;
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const templateBuffer = fs.readFileSync(templateFile);
  const units = readData(dataFile).filter((_, i) => i % shardN === shardK - 1);
  const rekap = new ExcelJS.Workbook();
  const sheet = rekap.addWorksheet('TAHUN');
  sheet.addRow(['Kode', 'Nama', ...indicators.flatMap((i) => [i.id, 'Capaian', 'Kategori'])]);
  for (const unit of units) sheet.addRow(await fillUnit(templateBuffer, unit));
  await rekap.xlsx.writeFile(path.join(outDir, `rekap-${shardK}-of-${shardN}.xlsx`));
  console.log(`${units.length} workbooks`);
}

main().catch((e) => { console.error(e); process.exit(1); });
