#!/usr/bin/env node
/**
 * Demo registry generator: a synthetic ischaemic stroke registry with planted effects and planted
 * data-quality defects, written as Parquet + registry.json + ground_truth.json.
 *
 *   node scripts/registry/generate.mjs --patients 2000 --seed 42 --out public/registries/stroke-demo
 *   node scripts/registry/generate.mjs --patients 100000 --seed 42 --out bench-data/stroke-100k
 *
 * Deterministic: the same seed and patient count give byte-identical files. Self-contained plain
 * Node ESM (no build). The model is described in docs/REGISTRY.md and in ground_truth.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TableBuffer, makeRng, clamp, round, logistic, day, isoDate, ts, doy } from './lib.mjs';
import { TABLES, bufferColumns, manifestTable } from './tables.mjs';
import { admissionNote, dischargeSummary, imagingText, ALCOHOL, TOAST } from './notes.mjs';
import { buildManifest } from './manifest.mjs';

// ---------------------------------------------------------------------------------------------
// The generating model (also written to ground_truth.json)
// ---------------------------------------------------------------------------------------------
export const EFFECTS = [
  { id: 'age', variable: 'demographics.age', term: 'age per 10 years (centred at 65)', hr: 1.25, per: 10, center: 65 },
  { id: 'hypertension', variable: 'comorbidities.hypertension', term: 'hypertension (ICD-10 I10-I15)', hr: 1.4 },
  { id: 'diabetes', variable: 'comorbidities.diabetes', term: 'diabetes (ICD-10 E10-E14)', hr: 1.3 },
  { id: 'atrial_fibrillation', variable: 'comorbidities.atrial_fibrillation', term: 'atrial fibrillation (ICD-10 I48)', hr: 1.8 },
  { id: 'prior_stroke', variable: 'comorbidities.prior_stroke', term: 'previous stroke (ICD-10 Z86.73)', hr: 1.5 },
  { id: 'current_smoker', variable: 'lifestyle.smoking.status', term: "smoking status 'current' vs never/former", hr: 1.5 },
  {
    id: 'alcohol', variable: 'lifestyle.alcohol.drinker', term: 'alcohol, nested levels (reference: non-drinker)',
    levels: [
      { level: 'drinker, <= 10 years', variable: 'lifestyle.alcohol.drinker', hr: 1.3 },
      { level: 'drinker, > 10 years, not baijiu', variable: 'lifestyle.alcohol.years', hr: 1.6 },
      { level: 'drinker, > 10 years, baijiu', variable: 'lifestyle.alcohol.type', hr: 2.0 },
    ],
    note: 'Multiplicative: drinker x1.3; years > 10 a further x(1.6/1.3); baijiu with years > 10 a further x(2.0/1.6).',
  },
  { id: 'ldl', variable: 'laboratory.ldl_c.admission', term: 'LDL-C at admission per 1 mmol/L (centred at 3)', hr: 1.2, per: 1, center: 3 },
  { id: 'nihss', variable: 'severity.nihss.admission', term: 'admission NIHSS per point (centred at 5)', hr: 1.04, per: 1, center: 5 },
  {
    id: 'statin', variable: 'treatment.statin_at_discharge', term: 'statin (atorvastatin, ATC C10AA05) from the discharge date on (time-varying)', hr: 0.7,
    time_varying: 'exposed from medication.start_date of the discharge statin order (= index visit discharge date) onwards; unexposed before',
  },
  {
    id: 'pm25_lag7', variable: 'environment.pm25.lag7_daily', term: 'PM2.5 in the city of residence 7 days earlier, per 10 µg/m³ (centred at 50; time-varying, daily)', hr: 1.08, per: 10, center: 50, lag_days: 7,
    time_varying: 'daily: hazard on day t uses the true PM2.5 of the patient\'s city on day t - 7',
  },
];
const B = Object.fromEntries(EFFECTS.filter((e) => e.hr).map((e) => [e.id, Math.log(e.hr)]));
const B_DRINK = Math.log(1.3), B_DRINK10 = Math.log(1.6 / 1.3), B_BAIJIU10 = Math.log(2.0 / 1.6);
/** Weibull baseline for recurrence: H0(t) = H365 * (t/365)^K, at risk from day 1 after the index stroke. */
const REC = { shape: 0.75, H365: 0.05 };
/** Death: Weibull, constant covariates. */
const DEATH = { shape: 0.8, H365: 0.045, age_per_year: 1.06, nihss_per_point: 1.08, af: 1.5 };
const LOSS_RATE_PER_YEAR = 0.06;
const MAX_FU = 1095;

const CITIES = [
  { name: 'Beijing', w: 0.22, pm: 52, amp: 0.45, tMean: 13, tAmp: 15 },
  { name: 'Shanghai', w: 0.2, pm: 36, amp: 0.35, tMean: 17, tAmp: 11 },
  { name: 'Guangzhou', w: 0.16, pm: 29, amp: 0.3, tMean: 22.5, tAmp: 7 },
  { name: 'Chengdu', w: 0.14, pm: 45, amp: 0.4, tMean: 16.5, tAmp: 9 },
  { name: 'Harbin', w: 0.12, pm: 45, amp: 0.6, tMean: 5, tAmp: 21 },
  { name: "Xi'an", w: 0.16, pm: 55, amp: 0.55, tMean: 14, tAmp: 13.5 },
];
const ENV_START = day(2017, 10, 1);
const ENROL_START = day(2018, 1, 1);
const ENROL_END = day(2024, 6, 30);
const CUTOFF = day(2025, 6, 30);
const FU_DAYS = [[1, 30], [3, 91], [6, 182], [12, 365], [24, 730], [36, 1095]];

const LABS = {
  ldl: { loinc: '13457-7', name: 'LDL cholesterol', unit: 'mmol/L', lo: 0, hi: 3.4, d: 2 },
  tc: { loinc: '2093-3', name: 'Total cholesterol', unit: 'mmol/L', lo: 0, hi: 5.2, d: 2 },
  hdl: { loinc: '2085-9', name: 'HDL cholesterol', unit: 'mmol/L', lo: 1.0, hi: 1.9, d: 2 },
  tg: { loinc: '2571-8', name: 'Triglycerides', unit: 'mmol/L', lo: 0, hi: 1.7, d: 2 },
  hba1c: { loinc: '4548-4', name: 'Hemoglobin A1c', unit: '%', lo: 4.0, hi: 6.0, d: 1 },
  glucose: { loinc: '2345-7', name: 'Glucose', unit: 'mg/dL', lo: 70, hi: 99, d: 0 },
  creat: { loinc: '2160-0', name: 'Creatinine', unit: 'umol/L', lo: 45, hi: 110, d: 0 },
  hb: { loinc: '718-7', name: 'Hemoglobin', unit: 'g/L', lo: 115, hi: 175, d: 0 },
  plt: { loinc: '777-3', name: 'Platelets', unit: '10^9/L', lo: 125, hi: 350, d: 0 },
  wbc: { loinc: '6690-2', name: 'Leukocytes', unit: '10^9/L', lo: 3.5, hi: 9.5, d: 1 },
  inr: { loinc: '6301-6', name: 'INR', unit: '1', lo: 0.8, hi: 1.2, d: 2 },
  crp: { loinc: '1988-5', name: 'C reactive protein', unit: 'mg/L', lo: 0, hi: 10, d: 1 },
};
const VITALS = {
  sbp: { loinc: '8480-6', name: 'Systolic blood pressure', unit: 'mm[Hg]', range: [40, 300] },
  dbp: { loinc: '8462-4', name: 'Diastolic blood pressure', unit: 'mm[Hg]', range: [20, 200] },
  hr: { loinc: '8867-4', name: 'Heart rate', unit: '/min', range: [20, 250] },
  temp: { loinc: '8310-5', name: 'Body temperature', unit: 'Cel', range: [30, 45] },
  spo2: { loinc: '59408-5', name: 'Oxygen saturation', unit: '%', range: [50, 100] },
  weight: { loinc: '29463-7', name: 'Body weight', unit: 'kg', range: [25, 250] },
  height: { loinc: '8302-2', name: 'Body height', unit: 'cm', range: [120, 220] },
};
const DRUGS = {
  aspirin: { atc: 'B01AC06', name: 'aspirin', dose: 100, unit: 'mg', route: 'oral', zh: '阿司匹林' },
  clopidogrel: { atc: 'B01AC04', name: 'clopidogrel', dose: 75, unit: 'mg', route: 'oral', zh: '氯吡格雷' },
  atorvastatin: { atc: 'C10AA05', name: 'atorvastatin', dose: 20, unit: 'mg', route: 'oral', zh: '阿托伐他汀' },
  alteplase: { atc: 'B01AD02', name: 'alteplase', dose: 0.9, unit: 'mg/kg', route: 'intravenous', zh: '阿替普酶' },
  rivaroxaban: { atc: 'B01AF01', name: 'rivaroxaban', dose: 20, unit: 'mg', route: 'oral', zh: '利伐沙班' },
  warfarin: { atc: 'B01AA03', name: 'warfarin', dose: 3, unit: 'mg', route: 'oral', zh: '华法林' },
  amlodipine: { atc: 'C08CA01', name: 'amlodipine', dose: 5, unit: 'mg', route: 'oral', zh: '氨氯地平' },
  metformin: { atc: 'A10BA02', name: 'metformin', dose: 500, unit: 'mg', route: 'oral', zh: '二甲双胍' },
  insulin: { atc: 'A10AE04', name: 'insulin glargine', dose: 12, unit: 'IU', route: 'subcutaneous', zh: '甘精胰岛素' },
  mannitol: { atc: 'B05BC01', name: 'mannitol', dose: 125, unit: 'mL', route: 'intravenous', zh: '甘露醇' },
};
const TOAST_ICD = { large_artery: ['I63.3', 'Cerebral infarction due to thrombosis of cerebral arteries'], cardioembolic: ['I63.4', 'Cerebral infarction due to embolism of cerebral arteries'], small_vessel: ['I63.8', 'Other cerebral infarction'], undetermined: ['I63.9', 'Cerebral infarction, unspecified'] };

// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const o = { patients: 2000, seed: 42, out: 'public/registries/stroke-demo', quiet: false, batch: 20000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--patients') o.patients = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--batch') o.batch = Number(argv[++i]);
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/registry/generate.mjs --patients N --seed S --out DIR [--quiet]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(o.patients) || o.patients < 50) throw new Error('--patients must be an integer >= 50');
  if (!Number.isInteger(o.seed)) throw new Error('--seed must be an integer');
  return o;
}

/** Daily PM2.5 and temperature by city (true values; the recorded series has ~1% missing PM2.5). */
function makeEnvironment(rng) {
  const n = CUTOFF - ENV_START + 1;
  return CITIES.map((c) => {
    const pm = new Float64Array(n), temp = new Float64Array(n), missing = new Uint8Array(n);
    let ar = 0, tar = 0;
    for (let i = 0; i < n; i++) {
      const dn = ENV_START + i;
      const season = Math.cos((2 * Math.PI * (doy(dn) - 15)) / 365.25);
      const year = (dn - ENROL_START) / 365.25;
      ar = 0.72 * ar + rng.normal(0, 0.36);
      pm[i] = round(clamp(Math.exp(Math.log(c.pm) + c.amp * season - 0.04 * year + ar), 3, 600), 1);
      tar = 0.7 * tar + rng.normal(0, 1.6);
      temp[i] = round(c.tMean - c.tAmp * Math.cos((2 * Math.PI * (doy(dn) - 20)) / 365.25) + tar, 1);
      missing[i] = rng.bern(0.01) ? 1 : 0;
    }
    const factor = new Float64Array(n);
    for (let i = 0; i < n; i++) factor[i] = Math.exp((B.pm25_lag7 * (pm[i] - 50)) / 10);
    return { ...c, pm, temp, missing, factor };
  });
}

/** A date between ENROL_START and ENROL_END, more likely in winter (seasonality of stroke). */
function indexDate(rng) {
  for (;;) {
    const dn = rng.int(ENROL_START, ENROL_END);
    const w = 1 + 0.25 * Math.cos((2 * Math.PI * (doy(dn) - 15)) / 365.25);
    if (rng.u() * 1.25 < w) return dn;
  }
}

const dH0 = new Float64Array(MAX_FU + 2);
for (let d = 1; d <= MAX_FU + 1; d++) dH0[d] = REC.H365 * ((d / 365) ** REC.shape - ((d - 1) / 365) ** REC.shape);

// ---------------------------------------------------------------------------------------------
export async function generate({ patients, seed, out, quiet = true, batch = 20000 }) {
  const t0 = performance.now();
  const log = quiet ? () => {} : (m) => console.log(m);
  fs.mkdirSync(out, { recursive: true });
  const rngEnv = makeRng(seed, 1);
  const rng = makeRng(seed, 2);
  const rngDefect = makeRng(seed, 3);

  const env = makeEnvironment(rngEnv);
  const T = {};
  for (const def of TABLES) {
    T[def.name] = new TableBuffer(def.name, bufferColumns(def));
    T[def.name].open(path.join(out, `${def.name}.parquet`));
  }
  // environment
  for (const c of env) {
    for (let i = 0; i < c.pm.length; i++) T.environment.push([c.name, ENV_START + i, c.missing[i] ? null : c.pm[i], c.temp[i]]);
  }
  T.environment.flush();

  // omics feature parameters
  const gMean = [], gSd = [];
  for (let j = 0; j < 200; j++) {
    gMean.push(round(3 + 9 * rngEnv.u(), 2));
    gSd.push(round(0.3 + 0.9 * rngEnv.u(), 2));
  }

  const stats = { patients, recurrences_1y: 0, deaths_1y: 0, recurrences_total: 0, deaths_total: 0, in_hospital_deaths: 0, statin_at_discharge: 0, lost_to_follow_up: 0 };
  let defects = null;
  for (let start = 1; start <= patients; start += batch) {
    const end = Math.min(patients, start + batch - 1);
    const meta = [];
    for (let pid = start; pid <= end; pid++) meta.push(simulatePatient(pid, rng, env, T, gMean, gSd, stats));
    if (defects === null) defects = plantDefects(rngDefect, T, meta);
    for (const t of Object.values(T)) if (t.name !== 'environment') t.flush();
    log(`  patients ${start}-${end} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const rows = {};
  for (const t of Object.values(T)) {
    t.close();
    rows[t.name] = t.total;
  }

  const manifest = buildManifest(TABLES.map((def) => manifestTable(def, rows[def.name])), { patients, seed });
  fs.writeFileSync(path.join(out, 'registry.json'), JSON.stringify(manifest, null, 1) + '\n');
  const truth = groundTruth({ patients, seed, stats, defects });
  fs.writeFileSync(path.join(out, 'ground_truth.json'), JSON.stringify(truth, null, 1) + '\n');
  const seconds = (performance.now() - t0) / 1000;
  const bytes = fs.readdirSync(out).reduce((s, f) => s + fs.statSync(path.join(out, f)).size, 0);
  const eventRows = Object.entries(rows).filter(([n]) => n !== 'patient' && n !== 'environment').reduce((s, [, r]) => s + r, 0);
  log(`wrote ${out}: ${patients} patients, ${eventRows} event rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
  return { rows, bytes, seconds, stats };
}

// ---------------------------------------------------------------------------------------------
function simulatePatient(pid, rng, env, T, gMean, gSd, stats) {
  const male = rng.bern(0.62);
  const sex = male ? 'M' : 'F';
  const age = Math.round(clamp(rng.normal(male ? 64 : 68, 11), 28, 95));
  const ci = rng.weighted(CITIES.map((c) => c.w));
  const city = env[ci];
  const idx = indexDate(rng);
  const birth = idx - Math.floor(age * 365.25) - rng.int(0, 364);
  const education = rng.bern(0.06) ? null : ['primary', 'secondary', 'tertiary'][rng.weighted([0.35, 0.45, 0.2])];
  const insurance = ['urban employee', 'urban resident', 'rural cooperative', 'self-pay'][rng.weighted([0.45, 0.25, 0.25, 0.05])];
  const lang = rng.bern(0.7) ? 'zh' : 'en';

  // lifestyle
  const smokeStatus = ['never', 'former', 'current'][rng.weighted(male ? [0.38, 0.2, 0.42] : [0.92, 0.03, 0.05])];
  const smoke = { status: smokeStatus, cpd: rng.pick([5, 10, 10, 15, 20, 20, 20, 30, 40]), years: Math.max(1, Math.round(rng.u() * (age - 18))), quit: rng.int(1, 25) };
  const drinker = rng.bern(clamp((male ? 0.5 : 0.08) + (smokeStatus === 'current' ? 0.12 : 0), 0, 1));
  const drinkYears = drinker ? 1 + Math.floor(rng.u() ** 1.6 * (age - 17)) : null;
  const drinkType = drinker ? ['baijiu', 'beer', 'red_wine'][rng.weighted(male ? [0.5 + 0.005 * (age - 60), 0.35, 0.15] : [0.15, 0.35, 0.5])] : null;

  // comorbidities and labs
  const htn = rng.bern(logistic(0.55 + 0.045 * (age - 65)));
  const bmi = clamp(rng.normal(24.5, 3.3), 16, 42);
  const dm = rng.bern(logistic(-1.1 + 0.12 * (bmi - 24.5)));
  const af = rng.bern(logistic(-2.3 + 0.07 * (age - 65)));
  const prior = rng.bern(0.18);
  const chd = rng.bern(logistic(-2.2 + 0.04 * (age - 65)));
  const ldl = round(clamp(rng.normal(2.9 + (dm ? 0.15 : 0), 0.85), 0.8, 7), 2);
  const hba1c = round(dm ? clamp(rng.normal(8.0, 1.4), 5.8, 14) : clamp(rng.normal(5.5, 0.35), 4.2, 6.4), 1);
  const height = round(clamp(rng.normal(male ? 170 : 158, 6), 140, 195), 0);
  const weight = round((bmi * height * height) / 10000, 1);
  const toast = af ? 'cardioembolic' : ['large_artery', 'small_vessel', 'undetermined'][rng.weighted([0.45, 0.35, 0.2])];
  const stenosis = toast === 'large_artery' ? rng.int(30, 95) : rng.int(0, 45);

  // severity and acute treatment
  const nihssA = clamp(Math.floor(Math.exp(rng.normal(toast === 'small_vessel' ? 1.0 : 1.6, 0.9))) - 1, 0, 35);
  const alteplase = rng.bern(age < 80 ? 0.24 : 0.12);
  const thrombectomy = toast !== 'small_vessel' && nihssA >= 8 && rng.bern(0.35);
  const cea = stenosis >= 70 && rng.bern(0.3);
  const los = Math.round(clamp(Math.exp(rng.normal(2.0 + 0.025 * nihssA, 0.35)), 3, 45));
  const worsen = rng.bern(0.05);
  const nihssD = worsen ? Math.min(42, nihssA + rng.int(1, 4)) : Math.round(nihssA * (0.25 + 0.7 * rng.u()));
  const mrsPre = rng.weighted([0.7, 0.2, 0.1]);
  const mrsD = clamp(Math.round(nihssD / 4 + rng.normal(0.8, 0.7)), 0, 5);
  const barthel = (n) => clamp(Math.round((100 - 4.5 * n + rng.normal(0, 8)) / 5) * 5, 0, 100);
  const barthelA = barthel(nihssA), barthelD = barthel(nihssD);

  // death (continuous time, days)
  const lpD = Math.log(DEATH.age_per_year) * (age - 65) + Math.log(DEATH.nihss_per_point) * (nihssA - 5) + (af ? Math.log(DEATH.af) : 0);
  const tDeath = 365 * (rng.exp(1) / (DEATH.H365 * Math.exp(lpD))) ** (1 / DEATH.shape);
  const deathDay = Math.max(1, Math.floor(tDeath));
  const dead = idx + deathDay <= CUTOFF;
  const deathDate = dead ? idx + deathDay : null;
  const alive = (d) => !dead || d <= deathDay;
  const inHospitalDeath = dead && deathDay <= los;
  const dischargeDay = inHospitalDeath ? deathDay : los;
  if (inHospitalDeath) stats.in_hospital_deaths++;

  const statin = !inHospitalDeath && rng.bern(logistic(0.7 + 0.9 * (ldl - 3) + 0.5 * (prior ? 1 : 0) + 0.3 * (dm ? 1 : 0)));
  if (statin) stats.statin_at_discharge++;
  const anticoag = af && !inHospitalDeath && rng.bern(0.6) ? (rng.bern(0.6) ? 'rivaroxaban' : 'warfarin') : null;
  const dapt = nihssA <= 3 && !anticoag;

  // loss to follow-up and the observation window
  const tLoss = Math.max(1, Math.floor(rng.exp(LOSS_RATE_PER_YEAR / 365)));
  const admin = Math.min(MAX_FU, CUTOFF - idx);
  const lost = tLoss < admin && (!dead || tLoss < deathDay);
  if (lost) stats.lost_to_follow_up++;
  const endObs = Math.min(admin, lost ? tLoss : Infinity, dead ? deathDay : Infinity);

  // recurrence: piecewise-constant hazard by day (statin from discharge, PM2.5 lag 7)
  const drink10 = drinker && drinkYears > 10;
  const lp = B.age * (age - 65) / 10 + (htn ? B.hypertension : 0) + (dm ? B.diabetes : 0) + (af ? B.atrial_fibrillation : 0) + (prior ? B.prior_stroke : 0) +
    (smokeStatus === 'current' ? B.current_smoker : 0) + (drinker ? B_DRINK : 0) + (drink10 ? B_DRINK10 : 0) + (drink10 && drinkType === 'baijiu' ? B_BAIJIU10 : 0) +
    B.ldl * (ldl - 3) + B.nihss * (nihssA - 5);
  const base = Math.exp(lp);
  const E = rng.exp(1);
  let H = 0, recDay = null;
  const envOff = idx - ENV_START - 7;
  for (let d = 1; d <= endObs; d++) {
    const h = dH0[d] * base * (statin && d > dischargeDay ? 0.7 : 1) * city.factor[envOff + d];
    H += h;
    if (H >= E) {
      recDay = d;
      break;
    }
  }
  if (recDay !== null) {
    stats.recurrences_total++;
    if (recDay <= 365) stats.recurrences_1y++;
  }
  if (dead) {
    stats.deaths_total++;
    if (deathDay <= 365) stats.deaths_1y++;
  }

  // ----- rows
  T.patient.push([pid, sex, birth, age, city.name, education, insurance, idx, deathDate]);
  const erId = T.visit.id();
  T.visit.push([erId, pid, 'emergency', idx, idx, 'Emergency', true, 'admitted']);
  const ipId = T.visit.id();
  T.visit.push([ipId, pid, 'inpatient', idx, idx + dischargeDay, 'Neurology', true, inHospitalDeath ? 'death' : rng.bern(0.2) ? 'rehabilitation' : 'home']);

  const [icd, icdName] = TOAST_ICD[toast];
  T.diagnosis.push([T.diagnosis.id(), pid, erId, idx, 'I63.9', 'Cerebral infarction, unspecified', 'primary']);
  T.diagnosis.push([T.diagnosis.id(), pid, ipId, idx, icd, icdName, 'primary']);
  if (htn) T.diagnosis.push([T.diagnosis.id(), pid, ipId, idx, 'I10', 'Essential (primary) hypertension', 'secondary']);
  if (dm) T.diagnosis.push([T.diagnosis.id(), pid, ipId, idx, 'E11.9', 'Type 2 diabetes mellitus without complications', 'secondary']);
  if (af) T.diagnosis.push([T.diagnosis.id(), pid, ipId, idx, 'I48.9', 'Atrial fibrillation, unspecified', 'secondary']);
  if (chd) T.diagnosis.push([T.diagnosis.id(), pid, ipId, idx, 'I25.1', 'Atherosclerotic heart disease', 'secondary']);
  if (ldl > 3.4) T.diagnosis.push([T.diagnosis.id(), pid, ipId, idx, 'E78.5', 'Hyperlipidaemia, unspecified', 'secondary']);
  if (prior) T.diagnosis.push([T.diagnosis.id(), pid, ipId, idx, 'Z86.73', 'Personal history of cerebral infarction', 'history']);

  // labs at admission (lipids missing for ~8%, HbA1c for ~20% of non-diabetics)
  const arrival = 1 + 22 * rng.u();
  const lab = (key, dn, hour, value, visit) => {
    const L = LABS[key];
    const v = round(value, L.d);
    T.lab_result.push([T.lab_result.id(), pid, visit, ts(dn, hour), L.loinc, L.name, v, v.toFixed(L.d), L.unit, L.lo, L.hi]);
  };
  const hAdm = arrival + 0.5;
  const glucoseOf = () => clamp(28.7 * hba1c - 46.7 + rng.normal(12, 18), 60, 450);
  const hdl = clamp(rng.normal(male ? 1.05 : 1.3, 0.25), 0.5, 2.8);
  const tg = clamp(Math.exp(rng.normal(0.4 + (dm ? 0.2 : 0), 0.45)), 0.3, 12);
  if (!rng.bern(0.08)) {
    lab('ldl', idx, hAdm, ldl, ipId);
    lab('tc', idx, hAdm, ldl + hdl + tg / 2.2, ipId);
    lab('hdl', idx, hAdm, hdl, ipId);
    lab('tg', idx, hAdm, tg, ipId);
  }
  if (dm || !rng.bern(0.2)) lab('hba1c', idx, hAdm, hba1c, ipId);
  lab('glucose', idx, hAdm, glucoseOf(), ipId);
  const creat = clamp(rng.normal(male ? 85 : 66, 18), 35, 400);
  lab('creat', idx, hAdm, creat, ipId);
  lab('hb', idx, hAdm, clamp(rng.normal(male ? 145 : 128, 14), 70, 190), ipId);
  lab('plt', idx, hAdm, clamp(rng.normal(220, 55), 40, 600), ipId);
  lab('wbc', idx, hAdm, clamp(rng.normal(7.5 + 0.08 * nihssA, 2), 2, 30), ipId);
  lab('inr', idx, hAdm, clamp(rng.normal(1.0, 0.08), 0.7, 1.6), ipId);
  lab('crp', idx, hAdm, clamp(Math.exp(rng.normal(1.2 + 0.04 * nihssA, 0.9)), 0.1, 200), ipId);
  if (!inHospitalDeath) {
    lab('glucose', idx + dischargeDay, 7, glucoseOf(), ipId);
    lab('creat', idx + dischargeDay, 7, creat * (0.9 + 0.2 * rng.u()), ipId);
    lab('crp', idx + dischargeDay, 7, clamp(Math.exp(rng.normal(0.8, 0.8)), 0.1, 200), ipId);
  }

  // vitals: arrival, then daily at 08:00 during the stay
  const sbp0 = Math.round(clamp(rng.normal(142 + (htn ? 16 : 0), 18), 85, 240));
  const dbp0 = Math.round(clamp(sbp0 * 0.55 + rng.normal(8, 8), 45, 140));
  const hr0 = Math.round(clamp(rng.normal(af ? 92 : 78, 12), 40, 160));
  const vital = (key, dn, hour, value, visit) => {
    const V = VITALS[key];
    T.vital_sign.push([T.vital_sign.id(), pid, visit, ts(dn, hour), V.loinc, V.name, value, V.unit]);
  };
  const vitalSet = (dn, hour, sbp, visit) => {
    vital('sbp', dn, hour, sbp, visit);
    vital('dbp', dn, hour, Math.round(clamp(sbp * 0.55 + rng.normal(8, 7), 40, 140)), visit);
    vital('hr', dn, hour, Math.round(clamp(hr0 + rng.normal(-3, 8), 40, 170)), visit);
  };
  vital('sbp', idx, arrival, sbp0, erId);
  vital('dbp', idx, arrival, dbp0, erId);
  vital('hr', idx, arrival, hr0, erId);
  vital('temp', idx, arrival, round(clamp(rng.normal(36.7, 0.35), 35.5, 39.5), 1), erId);
  vital('spo2', idx, arrival, Math.round(clamp(rng.normal(97, 1.5), 85, 100)), erId);
  vital('weight', idx, arrival + 1, weight, ipId);
  vital('height', idx, arrival + 1, height, ipId);
  for (let d = 1; d <= dischargeDay; d++) {
    if (!alive(d)) break;
    const sbp = Math.round(clamp(sbp0 - 2 * Math.min(d, 7) + rng.normal(0, 10), 85, 230));
    vitalSet(idx + d, 8, sbp, ipId);
    vital('temp', idx + d, 8, round(clamp(rng.normal(36.6, 0.3), 35.5, 39.5), 1), ipId);
    vital('spo2', idx + d, 8, Math.round(clamp(rng.normal(97, 1.3), 88, 100)), ipId);
  }

  // nursing assessments
  const nurse = (dn, scale, tp, score) => T.nursing_assessment.push([T.nursing_assessment.id(), pid, ipId, dn, scale, tp, score]);
  nurse(idx, 'NIHSS', 'admission', nihssA);
  nurse(idx, 'mRS', 'admission', mrsPre);
  nurse(idx, 'Barthel', 'admission', barthelA);
  if (!inHospitalDeath) {
    nurse(idx + dischargeDay, 'NIHSS', 'discharge', nihssD);
    nurse(idx + dischargeDay, 'mRS', 'discharge', mrsD);
    nurse(idx + dischargeDay, 'Barthel', 'discharge', barthelD);
  }

  // medication: admission orders, daily administrations, alteplase, discharge orders
  const med = (visit, type, key, dn, endDn) => {
    const D = DRUGS[key];
    T.medication.push([T.medication.id(), pid, visit, type, D.atc, D.name, D.dose, D.unit, D.route, dn, endDn]);
  };
  if (alteplase) med(erId, 'administration', 'alteplase', idx, null);
  const inpatientDrugs = ['aspirin'];
  if (dapt) inpatientDrugs.push('clopidogrel');
  if (htn) inpatientDrugs.push('amlodipine');
  if (dm) inpatientDrugs.push('insulin');
  if (nihssA >= 15) inpatientDrugs.push('mannitol');
  for (const k of inpatientDrugs) med(ipId, 'order', k, idx + 1, idx + dischargeDay);
  for (let d = 1; d <= dischargeDay; d++) {
    if (!alive(d)) break;
    for (const k of inpatientDrugs) if (k !== 'mannitol' || d <= 5) med(ipId, 'administration', k, idx + d, null);
  }
  const dischargeMeds = [];
  if (!inHospitalDeath) {
    const dd = idx + dischargeDay;
    const list = [anticoag ?? 'aspirin'];
    if (dapt) list.push('clopidogrel');
    if (statin) list.push('atorvastatin');
    if (htn) list.push('amlodipine');
    if (dm) list.push('metformin');
    for (const k of list) {
      med(ipId, 'order', k, dd, dd + (k === 'clopidogrel' ? 21 : 90));
      dischargeMeds.push({ en: DRUGS[k].name, zh: DRUGS[k].zh });
    }
  }

  // procedures
  const proc = (dn, category, code, name, anaes, asa) => T.procedure.push([T.procedure.id(), pid, ipId, dn, category, code, name, anaes, asa]);
  if (alteplase) proc(idx, 'intervention', '99.10', 'Injection or infusion of thrombolytic agent', null, null);
  const asa = clamp(2 + (age > 75 ? 1 : 0) + (af || chd ? 1 : 0), 1, 5);
  if (thrombectomy) {
    proc(idx, 'anaesthesia', 'GA', 'General anaesthesia', 'general', asa);
    proc(idx, 'intervention', '39.74', 'Endovascular removal of obstruction from head and neck vessel(s)', 'general', asa);
  }
  if (cea && dischargeDay >= 4 && alive(dischargeDay - 1)) {
    const dn = idx + dischargeDay - 1;
    proc(dn, 'anaesthesia', 'GA', 'General anaesthesia', 'general', asa);
    proc(dn, 'surgery', '38.12', 'Endarterectomy of other vessels of head and neck', 'general', asa);
  }

  // imaging
  const side = rng.bern(0.5) ? 'left' : 'right';
  const territory = toast === 'small_vessel' ? 3 + rng.int(0, 1) : rng.weighted([0.7, 0.15, 0.15]);
  const aspects = clamp(10 - Math.floor(nihssA / 4) + rng.int(-1, 1), 0, 10);
  const img = (dn, visit, modality, site, kind) => T.imaging_report.push([T.imaging_report.id(), pid, visit, dn, modality, site, lang, imagingText(kind, lang, side, territory, stenosis, aspects)]);
  img(idx, erId, 'CT', 'head', 'CT');
  if (thrombectomy) img(idx, erId, 'CTA', 'head and neck', 'CTA');
  if (alive(1) && dischargeDay >= 1 && rng.bern(0.7)) img(idx + 1, ipId, 'MRI', 'head', 'MRI');
  if (alive(2) && dischargeDay >= 2 && rng.bern(0.6)) img(idx + 2, ipId, 'US', 'carotid', 'US');

  // notes and labels
  const smokeRecorded = !rng.bern(0.03);
  const alcoholRecorded = !rng.bern(0.04);
  const adm = admissionNote({
    lang, sex, age, symptom: rng.int(0, 4), onsetHours: rng.int(1, 24), htn, dm, af, prior, smoke, smokeRecorded,
    alcohol: alcoholRecorded ? { drinker, years: drinkYears, type: drinkType } : null, sbp: sbp0, dbp: dbp0, hr: hr0, nihss: nihssA,
  });
  const admNoteId = T.note.id();
  T.note.push([admNoteId, pid, ipId, idx, 'admission_note', lang, adm.text]);
  const annotator = rng.bern(0.5) ? 'annotator_1' : 'annotator_2';
  const annDate = day(2025, 7, 1) + rng.int(0, 60);
  const label = (noteId, attr, value, span) => T.label.push([T.label.id(), pid, noteId, attr, value, span[0], span[1], annotator, annDate]);
  if (smokeRecorded) label(admNoteId, 'smoking.status', smokeStatus, adm.spans.smoking);
  if (alcoholRecorded) {
    label(admNoteId, 'alcohol.drinker', drinker ? 'yes' : 'no', adm.spans.alcohol);
    if (drinker) {
      label(admNoteId, 'alcohol.years', String(drinkYears), adm.spans.alcohol_years);
      label(admNoteId, 'alcohol.type', drinkType, adm.spans.alcohol_type);
    }
  }
  if (!inHospitalDeath) {
    const dis = dischargeSummary({ lang, toast, alteplase, thrombectomy, cea: cea && dischargeDay >= 4, nihssA, nihssD, mrsD, meds: dischargeMeds });
    const disId = T.note.id();
    T.note.push([disId, pid, ipId, idx + dischargeDay, 'discharge_summary', lang, dis.text]);
    label(disId, 'stroke.toast', toast, dis.spans.toast);
  }

  // biospecimens and omics (~40% consent)
  if (alive(1) && dischargeDay >= 1 && rng.bern(0.4)) {
    const dn = idx + 1;
    T.biospecimen.push([T.biospecimen.id(), pid, ipId, dn, 'plasma', round(1 + rng.u(), 1), -80]);
    T.biospecimen.push([T.biospecimen.id(), pid, ipId, dn, 'serum', round(1 + rng.u(), 1), -80]);
    const rnaId = T.biospecimen.id();
    T.biospecimen.push([rnaId, pid, ipId, dn, 'whole blood (RNA)', 2.5, -80]);
    if (!rng.bern(0.05)) {
      const row = [rnaId, pid, 'panel-200 v1'];
      const z = [];
      for (let b = 0; b < 20; b++) z.push(rng.normal());
      for (let j = 0; j < 200; j++) {
        const sexShift = j < 3 ? (male ? 2 : -2) : 0;
        row.push(rng.bern(0.003) ? null : round(gMean[j] + sexShift + gSd[j] * (0.6 * z[Math.floor(j / 10)] + 0.8 * rng.normal()), 2));
      }
      T.omics.push(row);
    }
  }

  // follow-up: scheduled contacts, clinic visits, events
  const fu = (dn, type, month, status, outcome, eventDn, mrs) => T.follow_up.push([T.follow_up.id(), pid, dn, type, month, status, outcome, eventDn, mrs]);
  let mrsNow = mrsD;
  for (const [month, d] of FU_DAYS) {
    if (d >= endObs) break;
    mrsNow = clamp(mrsNow + (recDay !== null && recDay < d ? 1 : 0) + (rng.bern(0.3) ? -1 : 0), 0, 5);
    const inPerson = rng.bern(0.8);
    fu(idx + d, inPerson ? 'clinic' : 'phone', month, 'alive', 'none', null, month === 3 || month === 12 ? mrsNow : null);
    if (inPerson) {
      const vid = T.visit.id();
      T.visit.push([vid, pid, 'outpatient', idx + d, idx + d, 'Neurology clinic', false, null]);
      T.diagnosis.push([T.diagnosis.id(), pid, vid, idx + d, 'I69.3', 'Sequelae of cerebral infarction', 'primary']);
      const ldlNow = clamp(ldl * (statin ? 0.6 : 1) + rng.normal(0, 0.3), 0.5, 7);
      lab('ldl', idx + d, 9, ldlNow, vid);
      lab('glucose', idx + d, 9, glucoseOf(), vid);
      if (dm) lab('hba1c', idx + d, 9, clamp(hba1c + rng.normal(-0.3, 0.6), 5, 14), vid);
      lab('creat', idx + d, 9, creat * (0.9 + 0.2 * rng.u()), vid);
      vitalSet(idx + d, 9.5, Math.round(clamp(sbp0 - 12 + rng.normal(0, 12), 90, 220)), vid);
      vital('weight', idx + d, 9.5, round(weight + rng.normal(0, 1.5), 1), vid);
      if (statin) med(vid, 'order', 'atorvastatin', idx + d, idx + d + 90);
    }
  }
  if (recDay !== null) {
    const rd = idx + recDay;
    fu(rd, 'event', null, 'alive', 'recurrent_stroke', rd, null);
    const ev = T.visit.id();
    T.visit.push([ev, pid, 'emergency', rd, rd, 'Emergency', false, 'admitted']);
    const iv = T.visit.id();
    const recLos = rng.int(4, 14);
    const recEnd = dead ? Math.min(rd + recLos, deathDate) : rd + recLos;
    T.visit.push([iv, pid, 'inpatient', rd, recEnd, 'Neurology', false, dead && recEnd === deathDate ? 'death' : 'home']);
    T.diagnosis.push([T.diagnosis.id(), pid, iv, rd, 'I63.9', 'Cerebral infarction, unspecified', 'primary']);
  }
  if (dead && deathDay <= admin && (!lost || deathDay <= tLoss)) fu(deathDate, 'event', null, 'dead', 'death', deathDate, 6);
  else if (lost) fu(idx + tLoss, 'lost', null, 'lost', 'lost_to_follow_up', null, null);
  else fu(idx + admin, 'end_of_study', null, 'alive', 'none', null, null);

  return { pid, idx, dead, deathDate, dm, ipId, dischargeDate: idx + dischargeDay, inHospitalDeath, nihssA };
}

// ---------------------------------------------------------------------------------------------
/**
 * Planted data-quality defects, in the first batch of patients. Each is listed with its exact
 * record; the quality rules in the manifest find exactly these (natural data never trips them).
 */
function plantDefects(rng, T, meta) {
  const out = [];
  const used = {};
  const isUsed = (t, i) => used[t]?.has(i);
  const use = (t, i) => (used[t] ??= new Set()).add(i);
  const rowsWhere = (t, pred) => {
    const r = [];
    for (let i = 0; i < T[t].length; i++) if (!isUsed(t, i) && pred(i)) r.push(i);
    return r;
  };
  const sample = (arr, n) => {
    const a = arr.slice();
    const k = Math.min(n, a.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng.u() * (a.length - i));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, k).sort((x, y) => x - y);
  };
  const idOf = (t, i) => String(T[t].get(T[t].cols[0].name, i));
  const record = (kind, rule, table, i, column, detail) => {
    use(table, i);
    out.push({ kind, rule, table, record_id: idOf(table, i), patient_id: String(T[table].get('patient_id', i)), column, detail });
  };
  const byPid = new Map(meta.map((m) => [m.pid, m]));
  const gluc = LABS.glucose.loinc;
  const lr = T.lab_result, na = T.nursing_assessment, vs = T.vital_sign;

  // contradictions between admission and discharge scores (first: they need untouched score rows)
  const contraPids = new Set();
  const nihssD = rowsWhere('nursing_assessment', (i) => na.get('scale', i) === 'NIHSS' && na.get('timepoint', i) === 'discharge');
  for (const i of sample(nihssD.filter((i) => byPid.get(na.get('patient_id', i)).nihssA <= 25), 6)) {
    const pid = na.get('patient_id', i);
    const m = byPid.get(pid);
    na.set('score', i, m.nihssA + 12);
    const mrsRow = i + 1; // pushed right after the discharge NIHSS
    na.set('score', mrsRow, 1);
    use('nursing_assessment', mrsRow);
    contraPids.add(pid);
    record('score_contradiction', 'qr.score_contradiction', 'nursing_assessment', i, 'score', `discharge NIHSS ${m.nihssA + 12} vs admission ${m.nihssA}, discharge mRS 1`);
  }
  // missing values beyond the natural ones (scores are never missing naturally)
  for (const i of sample(rowsWhere('nursing_assessment', (i) => !contraPids.has(na.get('patient_id', i))), 10)) {
    na.set('score', i, null);
    record('missing', 'qr.missing_assessment_score', 'nursing_assessment', i, 'score', `${na.get('scale', i)} ${na.get('timepoint', i)} score missing`);
  }
  // out-of-range vital signs
  const outOfRange = [['8480-6', (v) => v * 10], ['8867-4', () => 0], ['8310-5', (v) => round(v * 10, 0)]];
  for (const [k, [loinc, f]] of outOfRange.entries()) {
    for (const i of sample(rowsWhere('vital_sign', (i) => vs.get('loinc', i) === loinc), k === 0 ? 4 : 3)) {
      const v = f(vs.get('value', i));
      vs.set('value', i, v);
      record('out_of_range', 'qr.vital_out_of_range', 'vital_sign', i, 'value', `${vs.get('vital_name', i)} = ${v}`);
    }
  }
  // unit errors: glucose in mmol/L in a mg/dL column
  for (const i of sample(rowsWhere('lab_result', (i) => lr.get('loinc', i) === gluc), 10)) {
    const v = round(lr.get('value', i) / 18, 1);
    lr.set('value', i, v);
    lr.set('result_text', i, v.toFixed(1));
    record('unit_error', 'qr.glucose_unit', 'lab_result', i, 'value', `glucose ${v} looks like mmol/L in a mg/dL column`);
  }
  // text mixed into the numeric lab result column
  const tokens = ['see note', '见备注', 'haemolysed', 'pending', 'specimen clotted'];
  for (const [k, i] of sample(rowsWhere('lab_result', (i) => lr.get('loinc', i) !== gluc), 10).entries()) {
    lr.set('value', i, null);
    lr.set('result_text', i, tokens[k % tokens.length]);
    record('wrong_type', 'qr.lab_result_not_numeric', 'lab_result', i, 'result_text', `non-numeric result "${tokens[k % tokens.length]}"`);
  }
  // impossible dates: discharge before admission
  const vi = T.visit;
  for (const i of sample(rowsWhere('visit', (i) => vi.get('visit_type', i) === 'inpatient' && vi.get('is_index', i) && !byPid.get(vi.get('patient_id', i)).inHospitalDeath), 6)) {
    const d = vi.get('admit_date', i) - rng.int(1, 5);
    vi.set('discharge_date', i, d);
    record('impossible_date', 'qr.discharge_before_admission', 'visit', i, 'discharge_date', `discharge ${isoDate(d)} before admission ${isoDate(vi.get('admit_date', i))}`);
  }
  // duplicates: a second copy of a lab result under a new id
  for (const i of sample(rowsWhere('lab_result', (i) => lr.get('loinc', i) !== gluc), 8)) {
    use('lab_result', i);
    const row = lr.row(i);
    row[0] = lr.id();
    lr.push(row);
    record('duplicate', 'qr.duplicate_lab_result', 'lab_result', lr.length - 1, 'lab_id', `duplicate of lab_id ${idOf('lab_result', i)}`);
  }
  // events after death: lab results and medication orders dated after the death date
  const deadMeta = meta.filter((m) => m.dead);
  const pickDead = sample(deadMeta.map((_, k) => k), 8).map((k) => deadMeta[k]);
  pickDead.forEach((m, k) => {
    const dn = m.deathDate + rng.int(3, 60);
    if (k < 5) {
      const L = LABS.creat;
      const v = round(rng.normal(80, 10), 0);
      lr.push([lr.id(), m.pid, m.ipId, ts(dn, 9), L.loinc, L.name, v, v.toFixed(0), L.unit, L.lo, L.hi]);
      record('event_after_death', 'qr.event_after_death', 'lab_result', lr.length - 1, 'collected_at', `lab collected ${isoDate(dn)} after death ${isoDate(m.deathDate)}`);
    } else {
      const D = DRUGS.aspirin;
      T.medication.push([T.medication.id(), m.pid, m.ipId, 'order', D.atc, D.name, D.dose, D.unit, D.route, dn, dn + 90]);
      record('event_after_death', 'qr.event_after_death', 'medication', T.medication.length - 1, 'start_date', `order started ${isoDate(dn)} after death ${isoDate(m.deathDate)}`);
    }
  });
  // diagnosis vs medication: metformin for a patient with no diabetes diagnosis
  const nonDm = meta.filter((m) => !m.dm && !m.inHospitalDeath && !(m.dead && m.deathDate < m.dischargeDate));
  for (const k of sample(nonDm.map((_, k) => k), 6)) {
    const m = nonDm[k];
    const D = DRUGS.metformin;
    T.medication.push([T.medication.id(), m.pid, m.ipId, 'order', D.atc, D.name, D.dose, D.unit, D.route, m.dischargeDate, m.dischargeDate + 90]);
    record('diagnosis_medication_contradiction', 'qr.antidiabetic_without_diabetes', 'medication', T.medication.length - 1, 'atc_code', 'metformin ordered, no diabetes diagnosis (E10-E14)');
  }
  return out;
}

function groundTruth({ patients, seed, stats, defects }) {
  const nulls = [
    ...Array.from({ length: 200 }, (_, j) => `omics.expression.g${String(j + 1).padStart(3, '0')}`),
    'demographics.sex', 'demographics.education', 'demographics.insurance', 'vital_signs.bmi', 'laboratory.hdl_c.admission', 'laboratory.triglycerides.admission',
    'laboratory.creatinine.admission', 'laboratory.haemoglobin.admission', 'laboratory.platelets.admission', 'comorbidities.coronary_heart_disease', 'environment.temperature.lag7_index',
  ];
  return {
    registry: 'stroke-demo',
    generator: 'scripts/registry/generate.mjs',
    seed,
    patients,
    primary_outcome: {
      id: 'outcomes.recurrence_1y',
      description: 'First recurrent ischaemic stroke within 365 days of the index stroke (time-to-event). Censored at death, loss to follow-up or 365 days.',
      time_variable: 'outcomes.recurrence_1y_time',
      event_variable: 'outcomes.recurrence_1y',
      model: 'proportional hazards; at risk from day 1 after the index date; event day drawn from the daily piecewise-constant hazard h(t) = dH0(t) exp(lp + time-varying terms)',
      baseline: { distribution: 'Weibull', cumulative_hazard: 'H0(t) = 0.05 * (t / 365)^0.75 (t in days)', shape: REC.shape, H365: REC.H365 },
      competing: { death: DEATH, loss_to_follow_up_per_year: LOSS_RATE_PER_YEAR, administrative_cutoff: isoDate(CUTOFF), max_follow_up_days: MAX_FU },
    },
    effects: EFFECTS,
    null_variables: { count: nulls.length, note: 'No effect on recurrence given the planted risk factors. Omics g001-g003 differ by sex (sex has no effect).', variables: nulls },
    correlations: [
      'smoking and drinking more common in men; drinking more common in current smokers; baijiu more common in older men',
      'hypertension and atrial fibrillation rise with age; diabetes rises with BMI; LDL-C slightly higher in diabetes',
      'statin prescription more likely with higher LDL-C, previous stroke and diabetes (confounding by indication: adjust for LDL-C)',
      'PM2.5 higher in winter and in northern cities; index strokes more frequent in winter',
      'omics features correlated in blocks of 10 (g001-g010, g011-g020, ...)',
    ],
    natural_missingness: {
      'lab_result LDL/TC/HDL/TG at admission': 'about 8% of patients not tested (no row)',
      'lab_result HbA1c at admission': 'about 20% of non-diabetic patients not tested',
      'patient.education': 'about 6% missing',
      'label smoking.status / alcohol.*': 'about 3% / 4% of admission notes do not record them',
      'environment.pm25': 'about 1% of city-days missing',
      'omics features': 'about 0.3% missing values; 5% of RNA samples failed (no row)',
    },
    summary: stats,
    defects,
  };
}

// ---------------------------------------------------------------------------------------------
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const o = parseArgs(process.argv.slice(2));
  generate({ ...o, quiet: o.quiet }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
export { ALCOHOL, TOAST };
