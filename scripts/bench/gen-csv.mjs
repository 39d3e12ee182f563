// Writes a deterministic clinical-looking CSV of `rows` x 20 columns (about 150 MB at 1M rows)
// for the import benchmark. Cached: an existing file of the right size is reused.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateCsv(file, rows) {
  if (existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const rnd = mulberry32(42);
  const out = createWriteStream(file);
  const header = ['patient_id', 'age', 'sex', 'site', 'admit_date', 'sbp', 'dbp', 'hba1c', 'ldl', 'bmi', 'crp', 'egfr',
    'smoker', 'drinker', 'nihss', 'mrs', 'los_days', 'ward', 'outcome', 'note'];
  out.write(header.join(',') + '\n');
  const sites = ['Beijing', 'Shanghai', 'Guangzhou', 'Chengdu', 'Wuhan'];
  const wards = ['Neurology', 'ICU', 'Cardiology', 'Stroke unit'];
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor(rnd() * 28), month = 1 + Math.floor(rnd() * 12), year = 2015 + Math.floor(rnd() * 9);
    const miss = rnd() < 0.03;
    buf += [
      `P${String(i + 1).padStart(8, '0')}`, 18 + Math.floor(rnd() * 75), rnd() < 0.55 ? 'M' : 'F', sites[Math.floor(rnd() * 5)],
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      (100 + rnd() * 80).toFixed(0), (60 + rnd() * 40).toFixed(0), miss ? 'NA' : (4.5 + rnd() * 6).toFixed(1),
      (1.5 + rnd() * 4).toFixed(2), (17 + rnd() * 18).toFixed(1), (rnd() * 50).toFixed(3), (30 + rnd() * 90).toFixed(1),
      rnd() < 0.3 ? 'yes' : 'no', rnd() < 0.4 ? 'yes' : 'no', Math.floor(rnd() * 25), Math.floor(rnd() * 6),
      1 + Math.floor(rnd() * 30), wards[Math.floor(rnd() * 4)], rnd() < 0.2 ? 1 : 0, rnd() < 0.1 ? '"follow-up by phone, patient stable, no new deficits"' : 'routine outpatient review; no change in medication',
    ].join(',') + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file = 'bench-data/big.csv', rows = '1000000'] = process.argv.slice(2);
  await generateCsv(file, Number(rows));
  console.log(file);
}
