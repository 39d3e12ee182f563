// Types of method-cases.mjs for the TypeScript benches (scripts/ is type-checked).
export interface MethodCase {
  name: string;
  file: string;
  spec: { plugin: string; roles: Record<string, string | string[]>; options?: Record<string, string | number | boolean> };
  r: string;
}
export function methodCases(files: Record<string, string>): MethodCase[];
export const R_PACKAGES: string[];
export function hasRscript(): boolean;
export function rTime(file: string, expr: string, packages?: string[]): number | null;
export const TIMED_RUNS: number;
export const TIMED_BUDGET_S: number;
