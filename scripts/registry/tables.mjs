/**
 * The demo registry's tables: Parquet column kinds for the writer and the manifest's description
 * (measurement types, labels, units, code systems, keys, time columns).
 * Column: [name, kind, measureType, en, zh, unit?, code_system?]
 */
const PID = ['patient_id', 'int', 'integer', 'Patient ID', '患者编号'];
const VID = ['visit_id', 'int', 'integer', 'Visit ID', '就诊编号'];

export const TABLES = [
  {
    name: 'patient',
    en: 'One row per patient: demographics, index stroke date and death date.',
    zh: '每位患者一行：人口学信息、首次（索引）卒中日期和死亡日期。',
    primary_key: ['patient_id'],
    time_columns: ['index_date', 'death_date'],
    fks: [],
    cols: [
      PID,
      ['sex', 'string', 'categorical', 'Sex', '性别'],
      ['birth_date', 'date', 'date', 'Date of birth', '出生日期'],
      ['age_at_index', 'int', 'integer', 'Age at index stroke', '索引卒中时年龄', 'years'],
      ['city', 'string', 'categorical', 'City of residence', '居住城市'],
      ['education', 'string', 'categorical', 'Education', '受教育程度'],
      ['insurance', 'string', 'categorical', 'Insurance', '医保类型'],
      ['index_date', 'date', 'date', 'Index stroke date', '索引卒中日期'],
      ['death_date', 'date', 'date', 'Date of death', '死亡日期'],
    ],
  },
  {
    name: 'visit',
    en: 'Encounters: emergency, inpatient and outpatient visits.',
    zh: '就诊记录：急诊、住院和门诊。',
    primary_key: ['visit_id'],
    time_columns: ['admit_date', 'discharge_date'],
    fks: [],
    cols: [
      VID, PID,
      ['visit_type', 'string', 'categorical', 'Visit type', '就诊类型'],
      ['admit_date', 'date', 'date', 'Admission / visit date', '入院/就诊日期'],
      ['discharge_date', 'date', 'date', 'Discharge date', '出院日期'],
      ['department', 'string', 'categorical', 'Department', '科室'],
      ['is_index', 'bool', 'boolean', 'Index stroke encounter', '是否索引卒中就诊'],
      ['discharge_disposition', 'string', 'categorical', 'Discharge disposition', '出院去向'],
    ],
  },
  {
    name: 'diagnosis',
    en: 'Diagnoses coded in ICD-10 (primary, secondary, history).',
    zh: 'ICD-10 编码的诊断（主要、次要、既往史）。',
    primary_key: ['diagnosis_id'],
    time_columns: ['diag_date'],
    fks: ['visit_id'],
    cols: [
      ['diagnosis_id', 'int', 'integer', 'Diagnosis ID', '诊断编号'], PID, VID,
      ['diag_date', 'date', 'date', 'Diagnosis date', '诊断日期'],
      ['icd10', 'string', 'categorical', 'ICD-10 code', 'ICD-10 编码', undefined, 'ICD-10'],
      ['description', 'string', 'categorical', 'Description', '诊断名称'],
      ['diag_type', 'string', 'categorical', 'Diagnosis type', '诊断类型'],
    ],
  },
  {
    name: 'lab_result',
    en: 'Laboratory results coded in LOINC with units and reference ranges. result_text is the result as sent by the laboratory system (text: it may hold remarks).',
    zh: 'LOINC 编码的检验结果，含单位和参考范围。result_text 为检验系统原始结果（文本，可能含备注）。',
    primary_key: ['lab_id'],
    time_columns: ['collected_at'],
    fks: ['visit_id'],
    cols: [
      ['lab_id', 'int', 'integer', 'Lab result ID', '检验结果编号'], PID, VID,
      ['collected_at', 'timestamp', 'datetime', 'Specimen collected at', '采样时间'],
      ['loinc', 'string', 'categorical', 'LOINC code', 'LOINC 编码', undefined, 'LOINC'],
      ['test_name', 'string', 'categorical', 'Test', '检验项目'],
      ['value', 'double', 'numeric', 'Numeric value', '数值结果'],
      ['result_text', 'string', 'text', 'Result as reported', '原始报告结果'],
      ['unit', 'string', 'categorical', 'Unit', '单位'],
      ['ref_low', 'double', 'numeric', 'Reference range low', '参考范围下限'],
      ['ref_high', 'double', 'numeric', 'Reference range high', '参考范围上限'],
    ],
  },
  {
    name: 'vital_sign',
    en: 'Vital signs (LOINC): blood pressure, heart rate, temperature, SpO2, weight, height.',
    zh: '生命体征（LOINC）：血压、心率、体温、血氧饱和度、体重、身高。',
    primary_key: ['vital_id'],
    time_columns: ['measured_at'],
    fks: ['visit_id'],
    cols: [
      ['vital_id', 'int', 'integer', 'Vital sign ID', '生命体征编号'], PID, VID,
      ['measured_at', 'timestamp', 'datetime', 'Measured at', '测量时间'],
      ['loinc', 'string', 'categorical', 'LOINC code', 'LOINC 编码', undefined, 'LOINC'],
      ['vital_name', 'string', 'categorical', 'Vital sign', '生命体征'],
      ['value', 'double', 'numeric', 'Value', '数值'],
      ['unit', 'string', 'categorical', 'Unit', '单位'],
    ],
  },
  {
    name: 'imaging_report',
    en: 'Imaging reports (CT, MRI, CTA, carotid ultrasound) as free text.',
    zh: '影像报告（CT、MRI、CTA、颈动脉超声），自由文本。',
    primary_key: ['report_id'],
    time_columns: ['exam_date'],
    fks: ['visit_id'],
    cols: [
      ['report_id', 'int', 'integer', 'Report ID', '报告编号'], PID, VID,
      ['exam_date', 'date', 'date', 'Examination date', '检查日期'],
      ['modality', 'string', 'categorical', 'Modality', '检查方式'],
      ['body_site', 'string', 'categorical', 'Body site', '检查部位'],
      ['language', 'string', 'categorical', 'Language', '语言'],
      ['report_text', 'string', 'text', 'Report text', '报告正文'],
    ],
  },
  {
    name: 'medication',
    en: 'Medication orders and administrations (ATC codes). Orders have start and end dates; administrations have the date given.',
    zh: '用药医嘱与给药记录（ATC 编码）。医嘱有起止日期；给药记录为给药日期。',
    primary_key: ['med_id'],
    time_columns: ['start_date', 'end_date'],
    fks: ['visit_id'],
    cols: [
      ['med_id', 'int', 'integer', 'Medication record ID', '用药记录编号'], PID, VID,
      ['record_type', 'string', 'categorical', 'Order or administration', '医嘱/给药'],
      ['atc_code', 'string', 'categorical', 'ATC code', 'ATC 编码', undefined, 'ATC'],
      ['drug_name', 'string', 'categorical', 'Drug', '药品'],
      ['dose', 'double', 'numeric', 'Dose', '剂量'],
      ['dose_unit', 'string', 'categorical', 'Dose unit', '剂量单位'],
      ['route', 'string', 'categorical', 'Route', '给药途径'],
      ['start_date', 'date', 'date', 'Start / administration date', '开始/给药日期'],
      ['end_date', 'date', 'date', 'End date', '结束日期'],
    ],
  },
  {
    name: 'procedure',
    en: 'Procedures: interventions and surgery (ICD-9-CM-3) and their anaesthesia records.',
    zh: '操作与手术（ICD-9-CM-3）及麻醉记录。',
    primary_key: ['procedure_id'],
    time_columns: ['proc_date'],
    fks: ['visit_id'],
    cols: [
      ['procedure_id', 'int', 'integer', 'Procedure ID', '操作编号'], PID, VID,
      ['proc_date', 'date', 'date', 'Procedure date', '操作日期'],
      ['category', 'string', 'categorical', 'Category', '类别'],
      ['code', 'string', 'categorical', 'Procedure code', '操作编码', undefined, 'ICD-9-CM-3'],
      ['proc_name', 'string', 'categorical', 'Procedure', '操作名称'],
      ['anaesthesia_type', 'string', 'categorical', 'Anaesthesia type', '麻醉方式'],
      ['asa_class', 'int', 'integer', 'ASA class', 'ASA 分级'],
    ],
  },
  {
    name: 'nursing_assessment',
    en: 'Nursing assessments: NIHSS, modified Rankin Scale and Barthel Index at admission and discharge.',
    zh: '护理评估：入院和出院时的 NIHSS、改良 Rankin 量表和 Barthel 指数。',
    primary_key: ['assessment_id'],
    time_columns: ['assessed_date'],
    fks: ['visit_id'],
    cols: [
      ['assessment_id', 'int', 'integer', 'Assessment ID', '评估编号'], PID, VID,
      ['assessed_date', 'date', 'date', 'Assessment date', '评估日期'],
      ['scale', 'string', 'categorical', 'Scale', '量表'],
      ['timepoint', 'string', 'categorical', 'Time point', '时间点'],
      ['score', 'int', 'integer', 'Score', '评分'],
    ],
  },
  {
    name: 'note',
    en: 'Source documents: admission notes and discharge summaries (Chinese or English). Spans in label are 0-based, end-exclusive character offsets into text.',
    zh: '原始文书：入院记录和出院小结（中文或英文）。label 表中的跨度为 text 中从 0 开始、不含结束位置的字符偏移。',
    primary_key: ['note_id'],
    time_columns: ['note_date'],
    fks: ['visit_id'],
    cols: [
      ['note_id', 'int', 'integer', 'Note ID', '文书编号'], PID, VID,
      ['note_date', 'date', 'date', 'Note date', '文书日期'],
      ['note_type', 'string', 'categorical', 'Note type', '文书类型'],
      ['language', 'string', 'categorical', 'Language', '语言'],
      ['text', 'string', 'text', 'Text', '正文'],
    ],
  },
  {
    name: 'follow_up',
    en: 'Follow-up contacts and outcome events: scheduled contacts, recurrent stroke, death, loss to follow-up and end of study.',
    zh: '随访记录与结局事件：计划随访、卒中复发、死亡、失访和研究结束。',
    primary_key: ['follow_up_id'],
    time_columns: ['fu_date', 'event_date'],
    fks: [],
    cols: [
      ['follow_up_id', 'int', 'integer', 'Follow-up ID', '随访编号'], PID,
      ['fu_date', 'date', 'date', 'Contact date', '随访日期'],
      ['fu_type', 'string', 'categorical', 'Contact type', '随访类型'],
      ['month', 'int', 'integer', 'Scheduled month', '计划随访月'],
      ['status', 'string', 'categorical', 'Vital status', '生存状态'],
      ['outcome', 'string', 'categorical', 'Outcome', '结局'],
      ['event_date', 'date', 'date', 'Event date', '事件日期'],
      ['mrs', 'int', 'integer', 'mRS at contact', '随访 mRS'],
    ],
  },
  {
    name: 'biospecimen',
    en: 'Biobank samples collected during the index admission.',
    zh: '索引住院期间采集的生物样本。',
    primary_key: ['specimen_id'],
    time_columns: ['collected_date'],
    fks: ['visit_id'],
    cols: [
      ['specimen_id', 'int', 'integer', 'Specimen ID', '样本编号'], PID, VID,
      ['collected_date', 'date', 'date', 'Collection date', '采集日期'],
      ['specimen_type', 'string', 'categorical', 'Specimen type', '样本类型'],
      ['volume_ml', 'double', 'numeric', 'Volume', '体积', 'mL'],
      ['storage_temp_c', 'int', 'integer', 'Storage temperature', '储存温度', '°C'],
    ],
  },
  {
    name: 'omics',
    en: 'Gene-expression panel (200 features, log2 normalised counts) per whole-blood RNA sample.',
    zh: '每个全血 RNA 样本的基因表达面板（200 个特征，log2 标准化计数）。',
    primary_key: ['sample_id'],
    time_columns: [],
    fks: [['sample_id', 'biospecimen', 'specimen_id']],
    cols: [
      ['sample_id', 'int', 'integer', 'Sample (specimen) ID', '样本编号'], PID,
      ['platform', 'string', 'categorical', 'Platform', '平台'],
      ...Array.from({ length: 200 }, (_, j) => {
        const g = 'g' + String(j + 1).padStart(3, '0');
        return [g, 'double', 'numeric', `Expression feature ${g}`, `表达特征 ${g}`, 'log2 CPM'];
      }),
    ],
  },
  {
    name: 'environment',
    en: 'Daily air quality and temperature by city (linked to patients through patient.city).',
    zh: '各城市每日空气质量和气温（通过 patient.city 与患者关联）。',
    primary_key: ['city', 'date'],
    time_columns: ['date'],
    fks: [],
    patient_link: { column: 'city', references: { table: 'patient', column: 'city' } },
    cols: [
      ['city', 'string', 'categorical', 'City', '城市'],
      ['date', 'date', 'date', 'Date', '日期'],
      ['pm25', 'double', 'numeric', 'PM2.5 (daily mean)', 'PM2.5（日均）', 'µg/m³'],
      ['temperature_c', 'double', 'numeric', 'Temperature (daily mean)', '气温（日均）', '°C'],
    ],
  },
  {
    name: 'label',
    en: 'Expert annotations of notes: an attribute, its value, and the character span of the note it was read from.',
    zh: '专家对文书的标注：属性、取值及其在文书中的字符位置。',
    primary_key: ['label_id'],
    time_columns: ['annotated_date'],
    fks: [['note_id', 'note', 'note_id']],
    cols: [
      ['label_id', 'int', 'integer', 'Label ID', '标注编号'], PID,
      ['note_id', 'int', 'integer', 'Note ID', '文书编号'],
      ['attribute', 'string', 'categorical', 'Attribute', '属性'],
      ['value', 'string', 'categorical', 'Value', '取值'],
      ['span_start', 'int', 'integer', 'Span start (0-based)', '起始位置（从 0 开始）'],
      ['span_end', 'int', 'integer', 'Span end (exclusive)', '结束位置（不含）'],
      ['annotator', 'string', 'categorical', 'Annotator', '标注者'],
      ['annotated_date', 'date', 'date', 'Annotation date', '标注日期'],
    ],
  },
];

/** Column kinds for TableBuffer. */
export function bufferColumns(t) {
  return t.cols.map(([name, kind]) => ({ name, kind }));
}

/** The manifest's RegistryTable for a table definition. */
export function manifestTable(t, rows) {
  const fks = [];
  const names = new Set(t.cols.map((c) => c[0]));
  if (t.name !== 'patient' && names.has('patient_id')) fks.push({ column: 'patient_id', references: { table: 'patient', column: 'patient_id' } });
  for (const fk of t.fks) {
    if (fk === 'visit_id') fks.push({ column: 'visit_id', references: { table: 'visit', column: 'visit_id' } });
    else fks.push({ column: fk[0], references: { table: fk[1], column: fk[2] } });
  }
  const out = {
    name: t.name,
    file: `${t.name}.parquet`,
    format: 'parquet',
    description: { en: t.en, zh: t.zh },
    primary_key: t.primary_key,
    patient_key: names.has('patient_id') ? 'patient_id' : '',
    time_columns: t.time_columns,
    foreign_keys: fks,
    columns: t.cols.map(([name, , type, en, zh, unit, code_system]) => {
      const c = { name, type, label: { en, zh } };
      if (unit) c.unit = unit;
      if (code_system) c.code_system = code_system;
      return c;
    }),
    rows,
  };
  if (t.patient_link) out.patient_link = t.patient_link;
  return out;
}
