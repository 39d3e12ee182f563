/**
 * What each file of a plugin folder exports (DESIGN.md §4):
 *   manifest.ts  -> `export const manifest: PluginManifest`
 *   run.ts       -> `export function run(ctx, input): PluginOutput` and optionally `export function validate(input): InputIssue[]`
 *   interpret.ts -> `export const interpret: Interpreter`
 *   rcode.ts     -> `export const rCode: RCodeWriter`
 */
export type { PluginManifest, PluginRunModule, Interpreter, RCodeWriter } from './types';
