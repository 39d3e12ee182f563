import type { QualityCheckManifest } from '$core/quality/types';

export const manifest: QualityCheckManifest = {
  id: 'plausibility-sex-codes',
  category: 'plausibility',
  title: { en: "ICD-10 codes that contradict the patient's sex", zh: 'ICD-10 编码与患者性别矛盾' },
  summary: {
    en: "Diagnoses in ICD-10 code columns that apply to one sex only, recorded for a patient of the other sex in the patient table: pregnancy (O00–O9A), female genital disorders (N70–N98), female genital tumours (C51–C58, D06, D07.0–D07.3, D25–D28) for men; male genital cancers and disorders (C60–C63, N40–N53, D07.4–D07.6) for women. Either the code or the sex is wrong.",
    zh: 'ICD-10 编码列中只适用于单一性别的诊断，却记录在患者表中另一性别的患者身上：男性出现妊娠（O00–O9A）、女性生殖器疾病（N70–N98）、女性生殖器肿瘤（C51–C58、D06、D07.0–D07.3、D25–D28）；女性出现男性生殖器肿瘤及疾病（C60–C63、N40–N53、D07.4–D07.6）。编码或性别之一有误。',
  },
  needs: ['code_and_unit_columns'],
  // A warning: the sex in the registry may be administrative, and intersex or transgender
  // patients legitimately carry codes of the other sex.
  severity: 'warning',
  threshold: 0,
};
