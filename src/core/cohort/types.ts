/**
 * A cohort definition: a versioned, serialisable JSON document (saved in the project, edited in
 * the visual builder, compiled to SQL by compile.ts). Modelled on OHDSI ATLAS: an entry (index)
 * event, inclusion/exclusion rules evaluated relative to the index date, and exit rules.
 *
 * Criteria are generic over the registry manifest (a table + code column + codes, a value column,
 * or a catalogue variable id), so a site's own registry works, not only the stroke demo.
 */

export const COHORT_FORMAT = 1;

/** Days relative to the index date: negative = before, 0 = the index day, positive = after. */
export interface TimeWindow {
  /** null = unbounded ("any time before"). Inclusive. */
  start: number | null;
  /** null = unbounded ("any time after"). Inclusive. */
  end: number | null;
}

export type CompareOp = '>' | '>=' | '<' | '<=' | '=' | '!=' | 'between';

/** A numeric comparison on a column: value > 7, or between value and value2 (inclusive). */
export interface ValueFilter {
  column: string;
  op: CompareOp;
  value: number;
  value2?: number;
}

/** Equality filter on an attribute column, optionally of the row a foreign key points to (visit_id -> visit.visit_type). */
export interface AttributeFilter {
  column: string;
  /** A foreign-key column of the event's table: the filter applies to the referenced table's `column`. */
  via?: string;
  values: string[];
}

/** Events in one table: rows matching codes / values / attributes, dated by a time column. */
export interface EventQuery {
  table: string;
  /** Defaults to the table's first time column. */
  dateColumn?: string;
  codeColumn?: string;
  codes?: string[];
  /** 'prefix': I63 matches I63.9 (ICD-10 chapters, ATC groups); 'exact': the code itself. */
  codeMatch?: 'prefix' | 'exact';
  value?: ValueFilter;
  filters?: AttributeFilter[];
}

/** "at least 2", "at most 0", "exactly 1". */
export interface Occurrences {
  op: '>=' | '<=' | '=';
  n: number;
}

export interface EventCriterion extends EventQuery {
  kind: 'event';
  /** Relative to the index date; absent = any time. */
  window?: TimeWindow;
  /** Default: at least 1. */
  count?: Occurrences;
}

/** A catalogue variable (its variable.sql gives patient_id, value[, time]) compared with a value. */
export interface VariableCriterion {
  kind: 'variable';
  variable: string;
  /** Numeric comparison (numeric/integer variables). */
  compare?: { op: CompareOp; value: number; value2?: number };
  /** Allowed values (categorical/boolean variables, compared as text: 'true', 'baijiu'). */
  values?: string[];
  /** Only for event-grain variables (they have a time). */
  window?: TimeWindow;
}

/** Age in whole years at the index date, from the person table's birth date. */
export interface AgeCriterion {
  kind: 'age';
  min?: number;
  max?: number;
}

export interface SexCriterion {
  kind: 'sex';
  values: string[];
}

/**
 * "Followed for N days": observable for `days` after the index date, unless the patient died
 * earlier (death within the window counts as complete follow-up). See docs/COHORTS.md.
 */
export interface FollowUpCriterion {
  kind: 'follow_up';
  days: number;
}

export interface CriteriaGroup {
  kind: 'group';
  /** 'all' = AND, 'any' = OR. */
  match: 'all' | 'any';
  items: Criterion[];
}

export type Criterion = (EventCriterion | VariableCriterion | AgeCriterion | SexCriterion | FollowUpCriterion | CriteriaGroup) & {
  /** NOT: the patient must not satisfy this. */
  negate?: boolean;
};

/** One attrition step: patients who do (include) or do not (exclude) satisfy `criterion`. */
export interface CohortRule {
  name: string;
  mode: 'include' | 'exclude';
  criterion: Criterion;
}

export interface EntryEvent {
  event: EventQuery;
  /** 'first': each patient's earliest event; 'all': every event is a candidate (the earliest passing all rules wins). */
  occurrence: 'first' | 'all';
  /** ISO dates (inclusive), applied after picking the first occurrence. */
  dateFrom?: string;
  dateTo?: string;
}

/** Where a patient's follow-up ends: the earliest of death, end of data, a censoring event, the fixed window. */
export interface ExitRules {
  /** Stop at death (the person table's death date). */
  death: boolean;
  /** Stop at the first matching event after the index date (e.g. recurrence, lost to follow-up). */
  censoring?: EventQuery;
  /** Stop this many days after the index date. */
  windowDays?: number;
}

/** Which columns of which tables give a person's birth, sex, death and last observation. */
export interface PersonMapping {
  table: string;
  birthDate: string;
  sex: string;
  deathDate?: string;
  /** End of data for a patient = the latest date in this table's column (e.g. follow_up.fu_date). */
  observation: { table: string; dateColumn: string };
}

export interface CohortDefinition {
  format: typeof COHORT_FORMAT;
  name: string;
  description?: string;
  person: PersonMapping;
  entry: EntryEvent;
  rules: CohortRule[];
  exit: ExitRules;
}

/** A problem at one place of a definition: `path` as "rules[1].criterion.window". */
export interface CohortIssue {
  path: string;
  message: { en: string; zh: string };
}

export interface AttritionStep {
  /** "entry" or "rules[i]" */
  path: string;
  label: { en: string; zh: string };
  remaining: number;
}

export interface CohortCount {
  steps: AttritionStep[];
  count: number;
  /** Issues found while running (codes that match nothing, a rule that leaves nobody). */
  issues: CohortIssue[];
}

export type ExitReason = 'death' | 'end_of_data' | 'censoring_event' | 'window_end';
