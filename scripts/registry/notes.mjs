/**
 * Note and imaging-report templates (English and Chinese). Builders return the text plus the
 * character spans (0-based, end-exclusive, in UTF-16 code units = characters: every character
 * used is in the Basic Multilingual Plane) of the facts that the label table cites.
 */
class TextBuilder {
  constructor() {
    this.parts = [];
    this.len = 0;
    this.spans = {};
  }
  add(s) {
    this.parts.push(s);
    this.len += s.length;
    return this;
  }
  /** Adds `s`, recording its span under `key`. */
  mark(key, s) {
    this.spans[key] = [this.len, this.len + s.length];
    return this.add(s);
  }
  text() {
    return this.parts.join('');
  }
}

const ALCOHOL = {
  baijiu: { en: 'baijiu', zh: '白酒', amountEn: '100 ml', amountZh: '二两' },
  beer: { en: 'beer', zh: '啤酒', amountEn: '2 bottles', amountZh: '2瓶' },
  red_wine: { en: 'red wine', zh: '红酒', amountEn: '1 glass', amountZh: '1杯' },
};
const TOAST = {
  large_artery: { en: 'large-artery atherosclerosis', zh: '大动脉粥样硬化型' },
  cardioembolic: { en: 'cardioembolism', zh: '心源性栓塞型' },
  small_vessel: { en: 'small-vessel occlusion', zh: '小动脉闭塞型' },
  undetermined: { en: 'undetermined aetiology', zh: '病因不明型' },
};
const SYMPTOMS = [
  { en: 'right-sided weakness', zh: '右侧肢体无力' },
  { en: 'left-sided weakness', zh: '左侧肢体无力' },
  { en: 'slurred speech', zh: '言语不清' },
  { en: 'facial droop and numbness', zh: '口角歪斜伴麻木' },
  { en: 'dizziness and unsteady gait', zh: '头晕伴行走不稳' },
];

/**
 * p: { lang, sex, age, symptom, onsetHours, htn, dm, af, prior, smoke: {status, cpd, years, quit},
 *      alcohol: {drinker, years, type} | null (not recorded), smokeRecorded, sbp, dbp, hr, nihss }
 */
export function admissionNote(p) {
  const b = new TextBuilder();
  const sym = SYMPTOMS[p.symptom];
  if (p.lang === 'en') {
    b.add(`ADMISSION NOTE\nPatient: ${p.sex === 'M' ? 'male' : 'female'}, ${p.age} years old.\n`);
    b.add(`Chief complaint: ${sym.en} for ${p.onsetHours} hours.\n`);
    b.add(`History of present illness: sudden onset of ${sym.en}; brought to the emergency department.\n`);
    const hist = [];
    hist.push(p.htn ? 'hypertension' : 'no hypertension');
    hist.push(p.dm ? 'type 2 diabetes' : 'no diabetes');
    if (p.af) hist.push('atrial fibrillation');
    if (p.prior) hist.push('previous ischaemic stroke');
    b.add(`Past history: ${hist.join(', ')}.\n`);
    b.add('Personal history: ');
    if (p.smokeRecorded) {
      const s = p.smoke;
      if (s.status === 'current') b.mark('smoking', `Smokes about ${s.cpd} cigarettes a day for ${s.years} years.`);
      else if (s.status === 'former') b.mark('smoking', `Former smoker, quit ${s.quit} years ago.`);
      else b.mark('smoking', 'Never smoked.');
      b.add(' ');
    }
    if (p.alcohol) {
      const a = p.alcohol;
      if (a.drinker) {
        const t = ALCOHOL[a.type];
        const start = b.len;
        b.add('Drinks ').mark('alcohol_type', t.en).add(` (about ${t.amountEn} a day) for `).mark('alcohol_years', `${a.years} years`).add('.');
        b.spans.alcohol = [start, b.len];
      } else b.mark('alcohol', 'Does not drink alcohol.');
    }
    b.add('\n');
    b.add(`Examination: BP ${p.sbp}/${p.dbp} mmHg, heart rate ${p.hr}/min. NIHSS ${p.nihss}.\n`);
    b.add('Impression: acute ischaemic stroke.\n');
  } else {
    b.add(`入院记录\n患者${p.sex === 'M' ? '男' : '女'}性，${p.age}岁。\n`);
    b.add(`主诉：${sym.zh}${p.onsetHours}小时。\n`);
    b.add(`现病史：患者突发${sym.zh}，由家属送至急诊。\n`);
    const hist = [];
    hist.push(p.htn ? '高血压病史' : '否认高血压');
    hist.push(p.dm ? '2型糖尿病史' : '否认糖尿病');
    if (p.af) hist.push('心房颤动病史');
    if (p.prior) hist.push('既往脑梗死病史');
    b.add(`既往史：${hist.join('，')}。\n`);
    b.add('个人史：');
    if (p.smokeRecorded) {
      const s = p.smoke;
      if (s.status === 'current') b.mark('smoking', `吸烟${s.years}年，每日约${s.cpd}支。`);
      else if (s.status === 'former') b.mark('smoking', `既往吸烟，已戒烟${s.quit}年。`);
      else b.mark('smoking', '否认吸烟史。');
    }
    if (p.alcohol) {
      const a = p.alcohol;
      if (a.drinker) {
        const t = ALCOHOL[a.type];
        const start = b.len;
        b.add('饮').mark('alcohol_type', t.zh).mark('alcohol_years', `${a.years}年`).add(`，每日约${t.amountZh}。`);
        b.spans.alcohol = [start, b.len];
      } else b.mark('alcohol', '否认饮酒史。');
    }
    b.add('\n');
    b.add(`查体：血压${p.sbp}/${p.dbp} mmHg，心率${p.hr}次/分。NIHSS评分${p.nihss}分。\n`);
    b.add('初步诊断：急性缺血性脑卒中。\n');
  }
  return { text: b.text(), spans: b.spans };
}

/** p: { lang, toast, alteplase, thrombectomy, cea, nihssA, nihssD, mrsD, meds: [{en, zh}] } */
export function dischargeSummary(p) {
  const b = new TextBuilder();
  const t = TOAST[p.toast];
  if (p.lang === 'en') {
    b.add('DISCHARGE SUMMARY\nDiagnosis: acute ischaemic stroke, TOAST: ').mark('toast', t.en).add('.\n');
    const tx = ['antiplatelet therapy'];
    if (p.alteplase) tx.unshift('intravenous alteplase');
    if (p.thrombectomy) tx.unshift('mechanical thrombectomy under general anaesthesia');
    if (p.cea) tx.push('carotid endarterectomy');
    b.add(`Treatment: ${tx.join(', ')}.\n`);
    b.add(`Course: NIHSS ${p.nihssA} on admission and ${p.nihssD} at discharge; mRS ${p.mrsD} at discharge.\n`);
    b.add(`Discharge medications: ${p.meds.map((m) => m.en).join(', ') || 'none'}.\n`);
    b.add('Follow-up: neurology clinic in 1 month.\n');
  } else {
    b.add('出院小结\n出院诊断：急性缺血性脑卒中，TOAST分型：').mark('toast', t.zh).add('。\n');
    const tx = ['抗血小板治疗'];
    if (p.alteplase) tx.unshift('阿替普酶静脉溶栓');
    if (p.thrombectomy) tx.unshift('全麻下机械取栓');
    if (p.cea) tx.push('颈动脉内膜剥脱术');
    b.add(`诊疗经过：${tx.join('，')}。\n`);
    b.add(`入院NIHSS评分${p.nihssA}分，出院${p.nihssD}分；出院mRS ${p.mrsD}分。\n`);
    b.add(`出院带药：${p.meds.map((m) => m.zh).join('，') || '无'}。\n`);
    b.add('随访：1个月后神经内科门诊复诊。\n');
  }
  return { text: b.text(), spans: b.spans };
}

const TERRITORY = [
  { en: 'middle cerebral artery', zh: '大脑中动脉' },
  { en: 'posterior cerebral artery', zh: '大脑后动脉' },
  { en: 'anterior cerebral artery', zh: '大脑前动脉' },
  { en: 'basal ganglia (lacunar)', zh: '基底节区（腔隙性）' },
  { en: 'pontine (lacunar)', zh: '脑桥（腔隙性）' },
];

export function imagingText(kind, lang, side, territory, stenosis, aspects) {
  const S = side === 'left' ? { en: 'left', zh: '左侧' } : { en: 'right', zh: '右侧' };
  const T = TERRITORY[territory];
  if (kind === 'CT') {
    return lang === 'en'
      ? `Non-contrast CT head: no intracranial haemorrhage. ASPECTS ${aspects}. ${aspects < 10 ? `Early ischaemic changes in the ${S.en} ${T.en} territory.` : 'No early ischaemic change.'}`
      : `头颅CT平扫：未见颅内出血。ASPECTS评分${aspects}分。${aspects < 10 ? `${S.zh}${T.zh}供血区早期缺血改变。` : '未见早期缺血改变。'}`;
  }
  if (kind === 'MRI') {
    return lang === 'en'
      ? `MRI brain (DWI): acute infarct in the ${S.en} ${T.en} territory. No haemorrhagic transformation.`
      : `头颅MRI（DWI）：${S.zh}${T.zh}供血区急性梗死灶，未见出血转化。`;
  }
  if (kind === 'CTA') {
    return lang === 'en'
      ? `CT angiography: occlusion of the ${S.en} ${T.en}.`
      : `CT血管成像：${S.zh}${T.zh}闭塞。`;
  }
  return lang === 'en'
    ? `Carotid ultrasound: ${S.en} internal carotid artery stenosis of about ${stenosis}%.`
    : `颈动脉超声：${S.zh}颈内动脉狭窄约${stenosis}%。`;
}

export { ALCOHOL, TOAST };
