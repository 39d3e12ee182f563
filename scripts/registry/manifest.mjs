/**
 * registry.json for the demo: tables (from tables.mjs), the variable catalogue with DuckDB SQL
 * definitions, provenance and the data-quality rules that find the planted defects.
 */
const t = (en, zh) => ({ en, zh });
const node = (id, level, label, extra = {}) => ({ id, level, label, ...extra });
const variable = (id, level, label, v, extra = {}) => ({ id, level, label, ...extra, variable: v });

const INDEX_STAY = `(SELECT visit_id FROM visit WHERE is_index AND visit_type = 'inpatient')`;
const patientBool = (where) =>
  `SELECT p.patient_id, coalesce(x.hit, false) AS value FROM patient p LEFT JOIN (SELECT patient_id, true AS hit FROM ${where} GROUP BY patient_id) x USING (patient_id)`;
const diagBool = (cond) => patientBool(`diagnosis WHERE ${cond}`);
const labelSql = (attr, valueExpr = 'value') =>
  `SELECT patient_id, ${valueExpr} AS value, note_id, span_start, span_end FROM label WHERE attribute = '${attr}'`;

const LABS = [
  ['ldl_c', '13457-7', t('LDL cholesterol', '低密度脂蛋白胆固醇'), 'mmol/L', [0, 20], [0.5, 8]],
  ['total_cholesterol', '2093-3', t('Total cholesterol', '总胆固醇'), 'mmol/L', [0, 30], [1.5, 12]],
  ['hdl_c', '2085-9', t('HDL cholesterol', '高密度脂蛋白胆固醇'), 'mmol/L', [0, 10], [0.3, 3.5]],
  ['triglycerides', '2571-8', t('Triglycerides', '甘油三酯'), 'mmol/L', [0, 50], [0.2, 15]],
  ['hba1c', '4548-4', t('HbA1c', '糖化血红蛋白'), '%', [2, 25], [3.5, 16]],
  ['glucose', '2345-7', t('Glucose', '血糖'), 'mg/dL', [10, 2000], [40, 600]],
  ['creatinine', '2160-0', t('Creatinine', '肌酐'), 'umol/L', [5, 3000], [20, 800]],
  ['haemoglobin', '718-7', t('Haemoglobin', '血红蛋白'), 'g/L', [10, 300], [50, 210]],
  ['platelets', '777-3', t('Platelets', '血小板'), '10^9/L', [0, 3000], [20, 900]],
  ['leukocytes', '6690-2', t('White cell count', '白细胞计数'), '10^9/L', [0, 500], [1, 40]],
  ['inr', '6301-6', t('INR', '国际标准化比值'), '1', [0.3, 20], [0.7, 6]],
  ['crp', '1988-5', t('C-reactive protein', 'C反应蛋白'), 'mg/L', [0, 1000], [0, 300]],
];

function labNodes() {
  return LABS.map(([id, loinc, label, unit, allowed, plausible]) =>
    node(`laboratory.${id}`, 'concept', label, {
      keywords: [loinc, 'LOINC ' + loinc],
      children: [
        variable(`laboratory.${id}.admission`, 'attribute', t(`${label.en} at admission`, `入院${label.zh}`), {
          type: 'numeric', unit, allowed_range: allowed, plausible_range: plausible, grain: 'patient',
          sql: `SELECT patient_id, arg_min(value, collected_at) AS value FROM lab_result WHERE loinc = '${loinc}' AND value IS NOT NULL AND visit_id IN ${INDEX_STAY} GROUP BY patient_id`,
        }),
        variable(`laboratory.${id}.all`, 'attribute', t(`${label.en}, all results`, `${label.zh}（全部结果）`), {
          type: 'numeric', unit, allowed_range: allowed, plausible_range: plausible, grain: 'event',
          sql: `SELECT patient_id, value, collected_at AS time FROM lab_result WHERE loinc = '${loinc}'`,
        }),
      ],
    }),
  );
}

const VITALS = [
  ['sbp', '8480-6', t('Systolic blood pressure', '收缩压'), 'mmHg', [40, 300], [70, 250]],
  ['dbp', '8462-4', t('Diastolic blood pressure', '舒张压'), 'mmHg', [20, 200], [35, 150]],
  ['heart_rate', '8867-4', t('Heart rate', '心率'), '/min', [20, 250], [35, 180]],
  ['temperature', '8310-5', t('Body temperature', '体温'), '°C', [30, 45], [34, 41]],
  ['spo2', '59408-5', t('Oxygen saturation', '血氧饱和度'), '%', [50, 100], [80, 100]],
];

function vitalNodes() {
  const out = VITALS.map(([id, loinc, label, unit, allowed, plausible]) =>
    node(`vital_signs.${id}`, 'concept', label, {
      keywords: [loinc],
      children: [
        variable(`vital_signs.${id}.arrival`, 'attribute', t(`${label.en} on arrival`, `到院时${label.zh}`), {
          type: 'numeric', unit, allowed_range: allowed, plausible_range: plausible, grain: 'patient',
          sql: `SELECT v.patient_id, arg_min(v.value, v.measured_at) AS value FROM vital_sign v JOIN visit USING (visit_id) WHERE v.loinc = '${loinc}' AND visit.is_index GROUP BY v.patient_id`,
        }),
        variable(`vital_signs.${id}.all`, 'attribute', t(`${label.en}, all measurements`, `${label.zh}（全部测量）`), {
          type: 'numeric', unit, allowed_range: allowed, plausible_range: plausible, grain: 'event',
          sql: `SELECT patient_id, value, measured_at AS time FROM vital_sign WHERE loinc = '${loinc}'`,
        }),
      ],
    }),
  );
  out.push(
    variable('vital_signs.bmi', 'concept', t('Body mass index at admission', '入院体重指数'), {
      type: 'numeric', unit: 'kg/m2', allowed_range: [8, 100], plausible_range: [13, 60], grain: 'patient',
      sql: `SELECT w.patient_id, round(w.value / ((h.value / 100) * (h.value / 100)), 1) AS value FROM vital_sign w JOIN vital_sign h ON h.visit_id = w.visit_id AND h.loinc = '8302-2' WHERE w.loinc = '29463-7' AND w.visit_id IN ${INDEX_STAY}`,
    }, { keywords: ['BMI'] }),
  );
  return out;
}

const SCALES = [
  ['nihss', 'NIHSS', t('NIHSS', 'NIHSS 评分'), [0, 42], t('National Institutes of Health Stroke Scale', '美国国立卫生研究院卒中量表')],
  ['mrs', 'mRS', t('Modified Rankin Scale', '改良 Rankin 量表'), [0, 6], t('0 = no symptoms ... 6 = dead', '0 = 无症状……6 = 死亡')],
  ['barthel', 'Barthel', t('Barthel Index', 'Barthel 指数'), [0, 100], t('Activities of daily living, 0-100', '日常生活活动能力，0-100')],
];

function severityNodes() {
  return SCALES.map(([id, scale, label, range, description]) =>
    node(`severity.${id}`, 'concept', label, {
      description,
      children: ['admission', 'discharge'].map((tp) =>
        variable(`severity.${id}.${tp}`, 'attribute', t(`${label.en} at ${tp}`, `${tp === 'admission' ? '入院' : '出院'}${label.zh}`), {
          type: 'integer', allowed_range: range, plausible_range: range, grain: 'patient',
          sql: `SELECT patient_id, score AS value FROM nursing_assessment WHERE scale = '${scale}' AND timepoint = '${tp}'`,
        }, tp === 'admission' && id === 'mrs' ? { description: t('Pre-stroke mRS recorded at admission', '入院时记录的卒中前 mRS') } : {}),
      ),
    }),
  );
}

const yesNo = [
  { code: 'true', label: t('yes', '是') },
  { code: 'false', label: t('no', '否') },
];

function catalogue() {
  const demographics = node('demographics', 'domain', t('Demographics', '人口学'), {
    children: [
      variable('demographics.age', 'concept', t('Age at index stroke', '索引卒中时年龄'), { type: 'integer', unit: 'years', allowed_range: [0, 120], plausible_range: [18, 105], grain: 'patient', sql: 'SELECT patient_id, age_at_index AS value FROM patient' }),
      variable('demographics.sex', 'concept', t('Sex', '性别'), { type: 'categorical', codes: [{ code: 'M', label: t('male', '男') }, { code: 'F', label: t('female', '女') }], grain: 'patient', sql: 'SELECT patient_id, sex AS value FROM patient' }),
      variable('demographics.city', 'concept', t('City of residence', '居住城市'), { type: 'categorical', grain: 'patient', sql: 'SELECT patient_id, city AS value FROM patient' }),
      variable('demographics.education', 'concept', t('Education', '受教育程度'), {
        type: 'categorical', grain: 'patient', sql: 'SELECT patient_id, education AS value FROM patient',
        codes: [{ code: 'primary', label: t('primary or less', '小学及以下') }, { code: 'secondary', label: t('secondary', '中学') }, { code: 'tertiary', label: t('tertiary', '大专及以上') }],
      }),
      variable('demographics.insurance', 'concept', t('Insurance', '医保类型'), { type: 'categorical', grain: 'patient', sql: 'SELECT patient_id, insurance AS value FROM patient' }),
    ],
  });

  const lifestyle = node('lifestyle', 'domain', t('Lifestyle', '生活方式'), {
    description: t('Read from the admission notes by expert annotators (label table); each value cites its note and character span.', '由专家从入院记录中标注（label 表）；每个取值都指向其文书和字符位置。'),
    children: [
      node('lifestyle.smoking', 'concept', t('Smoking', '吸烟'), {
        children: [
          variable('lifestyle.smoking.status', 'attribute', t('Smoking status', '吸烟状态'), {
            type: 'categorical', grain: 'patient', sql: labelSql('smoking.status'),
            codes: [{ code: 'never', label: t('never', '从不吸烟') }, { code: 'former', label: t('former', '已戒烟') }, { code: 'current', label: t('current', '目前吸烟') }],
          }),
        ],
      }),
      node('lifestyle.alcohol', 'concept', t('Alcohol', '饮酒'), {
        keywords: ['drinking', '饮酒', 'baijiu', '白酒'],
        children: [
          variable('lifestyle.alcohol.drinker', 'attribute', t('Drinks alcohol', '饮酒'), { type: 'boolean', codes: yesNo, grain: 'patient', sql: labelSql('alcohol.drinker', "value = 'yes'") }, {
            children: [
              variable('lifestyle.alcohol.years', 'refinement', t('Years drinking', '饮酒年限'), { type: 'numeric', unit: 'years', allowed_range: [0, 100], plausible_range: [0, 80], grain: 'patient', sql: labelSql('alcohol.years', 'TRY_CAST(value AS DOUBLE)'), refines: 'lifestyle.alcohol.drinker' }, {
                children: [
                  variable('lifestyle.alcohol.type', 'refinement', t('Type of alcohol', '酒的种类'), {
                    type: 'categorical', grain: 'patient', sql: labelSql('alcohol.type'), refines: 'lifestyle.alcohol.years',
                    codes: [{ code: 'baijiu', label: t('baijiu (Chinese liquor)', '白酒') }, { code: 'beer', label: t('beer', '啤酒') }, { code: 'red_wine', label: t('red wine', '红酒') }],
                  }),
                ],
              }),
            ],
          }),
          variable('lifestyle.alcohol.exposure', 'attribute', t('Alcohol exposure level', '饮酒暴露分级'), {
            type: 'categorical', grain: 'patient',
            codes: [
              { code: 'none', label: t('non-drinker', '不饮酒') },
              { code: 'up_to_10y', label: t('drinker, up to 10 years', '饮酒≤10年') },
              { code: 'over_10y_other', label: t('drinker, over 10 years, not baijiu', '饮酒>10年，非白酒') },
              { code: 'over_10y_baijiu', label: t('drinker, over 10 years, baijiu', '饮白酒>10年') },
            ],
            sql: `SELECT d.patient_id, CASE WHEN d.value = 'no' THEN 'none' WHEN TRY_CAST(y.value AS DOUBLE) <= 10 THEN 'up_to_10y' WHEN TRY_CAST(y.value AS DOUBLE) > 10 AND k.value = 'baijiu' THEN 'over_10y_baijiu' WHEN TRY_CAST(y.value AS DOUBLE) > 10 THEN 'over_10y_other' END AS value, d.note_id, d.span_start, d.span_end FROM label d LEFT JOIN label y ON y.note_id = d.note_id AND y.attribute = 'alcohol.years' LEFT JOIN label k ON k.note_id = d.note_id AND k.attribute = 'alcohol.type' WHERE d.attribute = 'alcohol.drinker'`,
          }),
        ],
      }),
    ],
  });

  const comorbidities = node('comorbidities', 'domain', t('Comorbidities', '合并症'), {
    children: [
      ['hypertension', t('Hypertension', '高血压'), "icd10 >= 'I10' AND icd10 < 'I16'", 'I10-I15'],
      ['diabetes', t('Diabetes', '糖尿病'), "icd10 >= 'E10' AND icd10 < 'E15'", 'E10-E14'],
      ['atrial_fibrillation', t('Atrial fibrillation', '心房颤动'), "icd10 LIKE 'I48%'", 'I48'],
      ['prior_stroke', t('Previous stroke', '既往卒中'), "icd10 = 'Z86.73'", 'Z86.73'],
      ['coronary_heart_disease', t('Coronary heart disease', '冠心病'), "icd10 >= 'I20' AND icd10 < 'I26'", 'I20-I25'],
      ['hyperlipidaemia', t('Hyperlipidaemia', '高脂血症'), "icd10 LIKE 'E78%'", 'E78'],
    ].map(([id, label, cond, codes]) =>
      variable(`comorbidities.${id}`, 'concept', label, { type: 'boolean', codes: yesNo, grain: 'patient', sql: diagBool(cond) }, { keywords: ['ICD-10 ' + codes] }),
    ),
  });

  const stroke = node('stroke', 'domain', t('Index stroke', '索引卒中'), {
    children: [
      variable('stroke.index_date', 'concept', t('Index stroke date', '索引卒中日期'), { type: 'date', grain: 'patient', sql: 'SELECT patient_id, index_date AS value FROM patient' }),
      variable('stroke.toast', 'concept', t('TOAST subtype', 'TOAST 分型'), {
        type: 'categorical', grain: 'patient', sql: labelSql('stroke.toast'),
        codes: [
          { code: 'large_artery', label: t('large-artery atherosclerosis', '大动脉粥样硬化型') },
          { code: 'cardioembolic', label: t('cardioembolism', '心源性栓塞型') },
          { code: 'small_vessel', label: t('small-vessel occlusion', '小动脉闭塞型') },
          { code: 'undetermined', label: t('undetermined', '病因不明型') },
        ],
      }),
      variable('stroke.length_of_stay', 'concept', t('Length of stay', '住院天数'), {
        type: 'integer', unit: 'days', allowed_range: [0, 365], plausible_range: [1, 90], grain: 'patient',
        sql: `SELECT patient_id, discharge_date - admit_date AS value FROM visit WHERE is_index AND visit_type = 'inpatient'`,
      }),
    ],
  });

  const severity = node('severity', 'domain', t('Stroke severity scores', '卒中严重程度评分'), { children: severityNodes() });

  const med = (atc) => `medication WHERE atc_code = '${atc}'`;
  const treatment = node('treatment', 'domain', t('Treatment', '治疗'), {
    children: [
      variable('treatment.alteplase', 'concept', t('Intravenous thrombolysis (alteplase)', '静脉溶栓（阿替普酶）'), { type: 'boolean', codes: yesNo, grain: 'patient', sql: patientBool(`${med('B01AD02')} AND record_type = 'administration'`) }, { keywords: ['B01AD02', 'rt-PA'] }),
      variable('treatment.thrombectomy', 'concept', t('Mechanical thrombectomy', '机械取栓'), { type: 'boolean', codes: yesNo, grain: 'patient', sql: patientBool(`procedure WHERE code = '39.74'`) }, { keywords: ['39.74', 'EVT'] }),
      variable('treatment.endarterectomy', 'concept', t('Carotid endarterectomy', '颈动脉内膜剥脱术'), { type: 'boolean', codes: yesNo, grain: 'patient', sql: patientBool(`procedure WHERE code = '38.12'`) }, { keywords: ['38.12', 'CEA'] }),
      variable('treatment.general_anaesthesia', 'concept', t('General anaesthesia during the index stay', '索引住院期间全身麻醉'), { type: 'boolean', codes: yesNo, grain: 'patient', sql: patientBool(`procedure WHERE category = 'anaesthesia' AND anaesthesia_type = 'general'`) }),
      variable('treatment.statin_at_discharge', 'concept', t('Statin prescribed at discharge', '出院时处方他汀'), {
        type: 'boolean', codes: yesNo, grain: 'patient',
        sql: `SELECT p.patient_id, coalesce(x.hit, false) AS value FROM patient p LEFT JOIN (SELECT m.patient_id, true AS hit FROM medication m JOIN visit v ON v.visit_id = m.visit_id AND v.is_index AND v.visit_type = 'inpatient' WHERE m.atc_code = 'C10AA05' AND m.record_type = 'order' AND m.start_date = v.discharge_date GROUP BY m.patient_id) x USING (patient_id)`,
      }, {
        keywords: ['C10AA05', 'atorvastatin', '他汀'],
        children: [
          variable('treatment.statin_at_discharge.start', 'refinement', t('Statin start date', '他汀开始日期'), {
            type: 'date', grain: 'patient', refines: 'treatment.statin_at_discharge',
            sql: `SELECT patient_id, min(start_date) AS value FROM medication WHERE atc_code = 'C10AA05' AND record_type = 'order' GROUP BY patient_id`,
          }),
        ],
      }),
      variable('treatment.anticoagulant_at_discharge', 'concept', t('Oral anticoagulant at discharge', '出院时口服抗凝药'), { type: 'boolean', codes: yesNo, grain: 'patient', sql: patientBool(`medication WHERE atc_code IN ('B01AF01', 'B01AA03') AND record_type = 'order'`) }),
      variable('treatment.dual_antiplatelet', 'concept', t('Dual antiplatelet therapy (clopidogrel)', '双联抗血小板（氯吡格雷）'), { type: 'boolean', codes: yesNo, grain: 'patient', sql: patientBool(`${med('B01AC04')}`) }),
      variable('treatment.medication_orders', 'concept', t('Medication orders (ATC)', '用药医嘱（ATC）'), { type: 'categorical', grain: 'event', sql: `SELECT patient_id, atc_code AS value, start_date AS time FROM medication WHERE record_type = 'order'` }),
    ],
  });

  const imaging = node('imaging', 'domain', t('Imaging', '影像'), {
    children: [
      variable('imaging.aspects', 'concept', t('ASPECTS on admission CT', '入院 CT ASPECTS 评分'), {
        type: 'integer', allowed_range: [0, 10], plausible_range: [0, 10], grain: 'patient',
        sql: `SELECT patient_id, TRY_CAST(regexp_extract(report_text, 'ASPECTS[^0-9]*([0-9]+)', 1) AS INTEGER) AS value FROM imaging_report WHERE modality = 'CT'`,
      }),
      variable('imaging.carotid_stenosis', 'concept', t('Carotid stenosis (ultrasound)', '颈动脉狭窄程度（超声）'), {
        type: 'numeric', unit: '%', allowed_range: [0, 100], plausible_range: [0, 100], grain: 'patient',
        sql: `SELECT patient_id, TRY_CAST(regexp_extract(report_text, '([0-9]+)%', 1) AS DOUBLE) AS value FROM imaging_report WHERE modality = 'US'`,
      }),
      variable('imaging.mri_done', 'concept', t('MRI during the index stay', '索引住院期间行 MRI'), { type: 'boolean', codes: yesNo, grain: 'patient', sql: patientBool(`imaging_report WHERE modality = 'MRI'`) }),
    ],
  });

  const fuEnd = `(SELECT patient_id, max(fu_date) AS last FROM follow_up GROUP BY patient_id)`;
  const firstRec = `(SELECT patient_id, min(event_date) AS d FROM follow_up WHERE outcome = 'recurrent_stroke' GROUP BY patient_id)`;
  const outcomes = node('outcomes', 'domain', t('Outcomes', '结局'), {
    children: [
      node('outcomes.recurrence', 'concept', t('Recurrent stroke', '卒中复发'), {
        description: t('Primary outcome. Time zero is the index stroke date; censoring at death, loss to follow-up or 365 days.', '主要结局。时间零点为索引卒中日期；在死亡、失访或 365 天时删失。'),
        children: [
          variable('outcomes.recurrence_1y', 'attribute', t('Recurrent stroke within 1 year', '1 年内卒中复发'), {
            type: 'boolean', codes: yesNo, grain: 'patient',
            sql: `SELECT p.patient_id, coalesce(r.d - p.index_date <= 365, false) AS value FROM patient p LEFT JOIN ${firstRec} r USING (patient_id)`,
          }),
          variable('outcomes.recurrence_1y_time', 'attribute', t('Days to recurrence or censoring (max 365)', '至复发或删失的天数（最长 365）'), {
            type: 'numeric', unit: 'days', allowed_range: [0, 365], plausible_range: [0, 365], grain: 'patient',
            sql: `SELECT p.patient_id, CASE WHEN r.d - p.index_date <= 365 THEN r.d - p.index_date ELSE least(365, c.last - p.index_date) END AS value FROM patient p LEFT JOIN ${firstRec} r USING (patient_id) LEFT JOIN ${fuEnd} c USING (patient_id)`,
          }),
          variable('outcomes.recurrence_events', 'attribute', t('Recurrent strokes (all follow-up)', '卒中复发事件（全部随访）'), {
            type: 'boolean', grain: 'event', sql: `SELECT patient_id, true AS value, event_date AS time FROM follow_up WHERE outcome = 'recurrent_stroke'`,
          }),
        ],
      }),
      node('outcomes.death', 'concept', t('Death', '死亡'), {
        children: [
          variable('outcomes.death_1y', 'attribute', t('Death within 1 year', '1 年内死亡'), { type: 'boolean', codes: yesNo, grain: 'patient', sql: `SELECT patient_id, coalesce(death_date - index_date <= 365, false) AS value FROM patient` }),
          variable('outcomes.death_date', 'attribute', t('Date of death', '死亡日期'), { type: 'date', grain: 'patient', sql: `SELECT patient_id, death_date AS value FROM patient WHERE death_date IS NOT NULL` }),
        ],
      }),
      variable('outcomes.mrs_3m', 'concept', t('mRS at 3 months', '3 个月 mRS'), { type: 'integer', allowed_range: [0, 6], plausible_range: [0, 6], grain: 'patient', sql: `SELECT patient_id, mrs AS value FROM follow_up WHERE month = 3` }),
      variable('outcomes.lost_to_follow_up', 'concept', t('Lost to follow-up', '失访'), { type: 'boolean', codes: yesNo, grain: 'patient', sql: patientBool(`follow_up WHERE outcome = 'lost_to_follow_up'`) }),
      variable('outcomes.follow_up_days', 'concept', t('Days of follow-up', '随访天数'), { type: 'integer', unit: 'days', allowed_range: [0, 4000], grain: 'patient', sql: `SELECT p.patient_id, c.last - p.index_date AS value FROM patient p JOIN ${fuEnd} c USING (patient_id)` }),
    ],
  });

  const omics = node('omics', 'domain', t('Omics', '组学'), {
    children: [
      node('omics.expression', 'concept', t('Gene-expression panel (whole blood)', '基因表达面板（全血）'), {
        children: Array.from({ length: 200 }, (_, j) => {
          const g = 'g' + String(j + 1).padStart(3, '0');
          return variable(`omics.expression.${g}`, 'attribute', t(`Expression feature ${g}`, `表达特征 ${g}`), {
            type: 'numeric', unit: 'log2 CPM', allowed_range: [-5, 30], grain: 'patient', sql: `SELECT patient_id, ${g} AS value FROM omics`,
          });
        }),
      }),
    ],
  });

  const lagJoin = (col, from, to) =>
    `SELECT p.patient_id, e.${col} AS value, e.date + 7 AS time FROM patient p JOIN environment e ON e.city = p.city AND e.date BETWEEN p.index_date + ${from} AND p.index_date + ${to}`;
  const environment = node('environment', 'domain', t('Environment', '环境'), {
    children: [
      node('environment.pm25', 'concept', t('PM2.5', 'PM2.5'), {
        keywords: ['air pollution', '空气污染'],
        children: [
          variable('environment.pm25.lag7_index', 'attribute', t('PM2.5 7 days before the index stroke', '索引卒中前 7 天 PM2.5'), {
            type: 'numeric', unit: 'µg/m³', allowed_range: [0, 1500], plausible_range: [0, 800], grain: 'patient',
            sql: `SELECT p.patient_id, e.pm25 AS value FROM patient p JOIN environment e ON e.city = p.city AND e.date = p.index_date - 7`,
          }),
          variable('environment.pm25.lag7_daily', 'attribute', t('PM2.5 7 days earlier, daily over the first year', '首年每日的 7 天前 PM2.5'), {
            type: 'numeric', unit: 'µg/m³', allowed_range: [0, 1500], plausible_range: [0, 800], grain: 'event',
            description: t('One row per patient-day (days 1-365 after the index stroke): value is the PM2.5 of the city of residence on day time - 7.', '每位患者每天一行（索引卒中后第 1-365 天）：取值为居住城市在 time - 7 当天的 PM2.5。'),
            sql: lagJoin('pm25', -6, 358),
          }),
        ],
      }),
      node('environment.temperature', 'concept', t('Temperature', '气温'), {
        children: [
          variable('environment.temperature.lag7_index', 'attribute', t('Temperature 7 days before the index stroke', '索引卒中前 7 天气温'), {
            type: 'numeric', unit: '°C', allowed_range: [-60, 60], plausible_range: [-45, 45], grain: 'patient',
            sql: `SELECT p.patient_id, e.temperature_c AS value FROM patient p JOIN environment e ON e.city = p.city AND e.date = p.index_date - 7`,
          }),
        ],
      }),
    ],
  });

  return [
    demographics, lifestyle, comorbidities, stroke, node('laboratory', 'domain', t('Laboratory', '实验室检查'), { children: labNodes() }),
    node('vital_signs', 'domain', t('Vital signs', '生命体征'), { children: vitalNodes() }), severity, treatment, imaging, outcomes, omics, environment,
  ];
}

const rec = (table, idCol, detail, from, where) =>
  `SELECT '${table}' AS table_name, CAST(${idCol} AS VARCHAR) AS record_id, CAST(patient_id AS VARCHAR) AS patient_id, ${detail} AS detail FROM ${from} WHERE ${where}`;
const afterDeath = (table, idCol, dateExpr) =>
  `SELECT '${table}' AS table_name, CAST(x.${idCol} AS VARCHAR) AS record_id, CAST(x.patient_id AS VARCHAR) AS patient_id, '${table} dated ' || CAST(${dateExpr} AS VARCHAR) || ' after death ' || CAST(p.death_date AS VARCHAR) AS detail FROM ${table} x JOIN patient p USING (patient_id) WHERE ${dateExpr} > p.death_date`;

function qualityRules() {
  const vitalRange = VITALS.map(([, loinc, , , [lo, hi]]) => `(loinc = '${loinc}' AND (value < ${lo} OR value > ${hi}))`)
    .concat([`(loinc = '29463-7' AND (value < 25 OR value > 250))`, `(loinc = '8302-2' AND (value < 120 OR value > 220))`]);
  return [
    { id: 'qr.missing_assessment_score', kind: 'completeness', severity: 'error', description: t('Nursing assessment recorded without a score', '护理评估缺少评分'),
      sql: rec('nursing_assessment', 'assessment_id', "scale || ' ' || timepoint || ' score missing'", 'nursing_assessment', 'score IS NULL') },
    { id: 'qr.vital_out_of_range', kind: 'plausibility', severity: 'error', description: t('Vital sign outside its allowed range', '生命体征超出允许范围'),
      sql: rec('vital_sign', 'vital_id', "vital_name || ' = ' || CAST(value AS VARCHAR)", 'vital_sign', vitalRange.join(' OR ')) },
    { id: 'qr.glucose_unit', kind: 'plausibility', severity: 'error', description: t('Glucose below 35 in a mg/dL column: probably mmol/L', 'mg/dL 列中血糖低于 35：疑为 mmol/L'),
      sql: rec('lab_result', 'lab_id', "'glucose ' || CAST(value AS VARCHAR) || ' ' || unit", 'lab_result', "loinc = '2345-7' AND value < 35") },
    { id: 'qr.lab_result_not_numeric', kind: 'plausibility', severity: 'warning', description: t('Laboratory result that is not a number', '检验结果不是数值'),
      sql: rec('lab_result', 'lab_id', "'non-numeric result: ' || result_text", 'lab_result', 'result_text IS NOT NULL AND TRY_CAST(result_text AS DOUBLE) IS NULL') },
    { id: 'qr.discharge_before_admission', kind: 'temporal', severity: 'error', description: t('Discharge date before admission date', '出院日期早于入院日期'),
      sql: rec('visit', 'visit_id', "'discharge ' || CAST(discharge_date AS VARCHAR) || ' before admission ' || CAST(admit_date AS VARCHAR)", 'visit', 'discharge_date < admit_date') },
    { id: 'qr.event_after_death', kind: 'temporal', severity: 'error', description: t('Record dated after the patient\'s death', '记录日期晚于患者死亡日期'),
      sql: [
        afterDeath('visit', 'visit_id', 'x.admit_date'), afterDeath('lab_result', 'lab_id', 'CAST(x.collected_at AS DATE)'), afterDeath('vital_sign', 'vital_id', 'CAST(x.measured_at AS DATE)'),
        afterDeath('medication', 'med_id', 'x.start_date'), afterDeath('procedure', 'procedure_id', 'x.proc_date'), afterDeath('nursing_assessment', 'assessment_id', 'x.assessed_date'),
        afterDeath('imaging_report', 'report_id', 'x.exam_date'), afterDeath('note', 'note_id', 'x.note_date'), afterDeath('biospecimen', 'specimen_id', 'x.collected_date'),
        afterDeath('follow_up', 'follow_up_id', 'x.fu_date'),
      ].join('\nUNION ALL\n') },
    { id: 'qr.duplicate_lab_result', kind: 'uniqueness', severity: 'warning', description: t('Laboratory result recorded twice (same patient, test, time and value)', '同一检验结果重复记录（患者、项目、时间、数值相同）'),
      sql: `SELECT 'lab_result' AS table_name, CAST(lab_id AS VARCHAR) AS record_id, CAST(patient_id AS VARCHAR) AS patient_id, 'duplicate of lab_id ' || CAST(first_id AS VARCHAR) AS detail FROM (SELECT lab_id, patient_id, min(lab_id) OVER (PARTITION BY patient_id, loinc, collected_at, value, result_text) AS first_id FROM lab_result) WHERE lab_id > first_id` },
    { id: 'qr.score_contradiction', kind: 'consistency', severity: 'warning', description: t('NIHSS 10 or more points worse at discharge than at admission, yet discharge mRS 0-1', '出院 NIHSS 较入院加重 10 分以上，但出院 mRS 为 0-1'),
      sql: `WITH s AS (SELECT patient_id, max(CASE WHEN scale = 'NIHSS' AND timepoint = 'admission' THEN score END) AS na, max(CASE WHEN scale = 'NIHSS' AND timepoint = 'discharge' THEN score END) AS nd, max(CASE WHEN scale = 'mRS' AND timepoint = 'discharge' THEN score END) AS md, max(CASE WHEN scale = 'NIHSS' AND timepoint = 'discharge' THEN assessment_id END) AS rid FROM nursing_assessment GROUP BY patient_id) SELECT 'nursing_assessment' AS table_name, CAST(rid AS VARCHAR) AS record_id, CAST(patient_id AS VARCHAR) AS patient_id, 'discharge NIHSS ' || CAST(nd AS VARCHAR) || ' vs admission ' || CAST(na AS VARCHAR) || ', discharge mRS ' || CAST(md AS VARCHAR) AS detail FROM s WHERE nd - na >= 10 AND md <= 1` },
    { id: 'qr.antidiabetic_without_diabetes', kind: 'consistency', severity: 'warning', description: t('Antidiabetic drug (ATC A10) without a diabetes diagnosis (E10-E14)', '使用降糖药（ATC A10）但无糖尿病诊断（E10-E14）'),
      sql: rec('medication', 'med_id', "drug_name || ' without a diabetes diagnosis'", 'medication m', "atc_code LIKE 'A10%' AND NOT EXISTS (SELECT 1 FROM diagnosis d WHERE d.patient_id = m.patient_id AND d.icd10 >= 'E10' AND d.icd10 < 'E15')") },
  ];
}

export function buildManifest(tables, { patients, seed }) {
  return {
    format: '1',
    id: 'stroke-demo',
    version: `1.0.0+seed${seed}`,
    title: t('Ischaemic stroke registry (synthetic demo)', '缺血性卒中登记库（合成演示数据）'),
    description: t(
      `Synthetic registry of ${patients.toLocaleString('en-US')} patients with an index ischaemic stroke (2018-2024) followed for up to 3 years. Generated by scripts/registry/generate.mjs (seed ${seed}) with planted risk factors and data-quality defects listed in ground_truth.json. Not real patients.`,
      `${patients} 例索引缺血性卒中患者（2018-2024）的合成登记库，随访最长 3 年。由 scripts/registry/generate.mjs（种子 ${seed}）生成，预置的危险因素和数据质量缺陷见 ground_truth.json。非真实患者。`,
    ),
    disease: t('ischaemic stroke', '缺血性卒中'),
    provenance: { note_table: 'note', note_id_column: 'note_id', text_column: 'text', span_unit: 'character', span_base: 0, span_end: 'exclusive' },
    tables,
    catalogue: catalogue(),
    quality_rules: qualityRules(),
  };
}
