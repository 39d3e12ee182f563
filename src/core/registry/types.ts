/**
 * The registry extract format (DESIGN.md §3): a folder served statically with registry.json (this
 * manifest) and one data file per table. public/registries/index.json lists the folders on offer.
 * Documented in docs/REGISTRY.md; validated by validate.ts (messages name the place).
 */
import type { I18nText, MeasureType } from '../plugin/types';

/** public/registries/index.json */
export interface RegistryIndex {
  registries: {
    id: string;
    /** Folder relative to index.json, e.g. "stroke-demo/". */
    path: string;
    title: I18nText;
    description: I18nText;
    patients?: number;
  }[];
}

export interface RegistryManifest {
  /** Format version of this manifest, "1". */
  format: '1';
  id: string;
  version: string;
  title: I18nText;
  description: I18nText;
  /** e.g. "ischaemic stroke" */
  disease: I18nText;
  tables: RegistryTable[];
  /** Where derived values' provenance points: note ids and character spans into a text column. */
  provenance?: RegistryProvenance;
  /** The variable catalogue: domain > concept > attribute > refinement. */
  catalogue: CatalogueNode[];
  quality_rules: QualityRule[];
}

/**
 * Variables derived from notes return note_id, span_start, span_end: the span is
 * text[span_start, span_end) of the note row with that id, counted in characters from 0.
 */
export interface RegistryProvenance {
  note_table: string;
  note_id_column: string;
  text_column: string;
  span_unit: 'character';
  span_base: 0;
  span_end: 'exclusive';
}

export interface RegistryColumn {
  name: string;
  type: MeasureType;
  label: I18nText;
  unit?: string;
  /** Code system of the values, e.g. "ICD-10", "LOINC", "ATC". */
  code_system?: string;
}

export interface RegistryTable {
  /** SQL table name. */
  name: string;
  /** Data file relative to registry.json. */
  file: string;
  format: 'parquet' | 'arrow' | 'csv';
  description: I18nText;
  /** Columns that identify a row. */
  primary_key: string[];
  /**
   * Every table links to the patient; "patient_id" unless said otherwise. "" for a table with no
   * patient column (e.g. environment), which must then give patient_link.
   */
  patient_key: string;
  /** For tables without a patient column: how rows reach a patient (environment.city -> patient.city). */
  patient_link?: { column: string; references: { table: string; column: string } };
  /** Columns holding event times (first one is the event's main time). */
  time_columns: string[];
  foreign_keys: { column: string; references: { table: string; column: string } }[];
  columns: RegistryColumn[];
  rows?: number;
}

export type CatalogueLevel = 'domain' | 'concept' | 'attribute' | 'refinement';

export interface CatalogueNode {
  /** Unique, stable, dotted path-like id, e.g. "lifestyle.alcohol.drinker". */
  id: string;
  level: CatalogueLevel;
  label: I18nText;
  description?: I18nText;
  /** Extra search terms (synonyms, codes). */
  keywords?: string[];
  children?: CatalogueNode[];
  /** Present on nodes that are variables (leaves, and attributes that have refinements). */
  variable?: VariableDefinition;
}

export interface VariableDefinition {
  type: MeasureType;
  unit?: string;
  /** Values outside are impossible (data errors). */
  allowed_range?: [number, number];
  /** Values outside are possible but suspicious. */
  plausible_range?: [number, number];
  /** Allowed codes with labels, for categorical variables. */
  codes?: { code: string; label: I18nText }[];
  /** 'patient': one value per patient; 'event': one value per event (with a time). */
  grain: 'patient' | 'event';
  /**
   * SQL over the registry's tables yielding columns patient_id and value (and time for events;
   * and note_id, span_start, span_end when the value was derived from a note).
   */
  sql: string;
  /** The variable this one refines (drill-down: drinker -> years drinking -> type), by node id. */
  refines?: string;
}

export interface QualityRule {
  id: string;
  kind: 'completeness' | 'plausibility' | 'consistency' | 'uniqueness' | 'temporal';
  severity: 'error' | 'warning';
  description: I18nText;
  /** SQL returning the offending records: columns table_name, record_id, patient_id, detail. */
  sql: string;
}
