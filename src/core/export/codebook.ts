/** The codebook: one row per column (name, labels, type, unit, definition, levels). */
import type { DatasetColumn } from '../dataset/types';

export const CODEBOOK_HEADER = ['name', 'label_en', 'label_zh', 'type', 'unit', 'definition_en', 'definition_zh', 'levels'];

export function codebookRows(columns: DatasetColumn[]): string[][] {
  return columns.map((c) => [c.name, c.label.en, c.label.zh, c.type, c.unit ?? '', c.definition.en, c.definition.zh, (c.levels ?? []).join(' | ')]);
}
