/**
 * The R script that reads an exported CSV back with the right types: column classes, factor
 * levels in codebook order, dates, and each column's label as an attribute.
 */
import type { DatasetColumn } from '../dataset/types';

const rString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
const rName = (s: string) => (/^[A-Za-z.][A-Za-z0-9._]*$/.test(s) ? s : `\`${s.replace(/`/g, '\\`')}\``);

function colClass(c: DatasetColumn): string {
  switch (c.type) {
    case 'integer':
      return 'integer';
    case 'numeric':
      return 'numeric';
    case 'boolean':
      return 'logical';
    default:
      // Dates, times and categories are read as text, then converted below.
      return 'character';
  }
}

export function toRScript(name: string, columns: DatasetColumn[], csvFile: string): string {
  const lines = [
    `# Reads the analysis dataset "${name}" exported by ClinStat Workbench, with its types.`,
    `# Base R only; the CSV is UTF-8 with a byte-order mark. Place this script next to ${csvFile}.`,
    '',
    `${rName(name)} <- read.csv(${rString(csvFile)}, fileEncoding = "UTF-8-BOM", na.strings = "", check.names = FALSE,`,
    `  colClasses = c(${columns.map((c) => `${rString(c.name)} = ${rString(colClass(c))}`).join(',\n                 ')}))`,
    '',
  ];
  const d = rName(name);
  for (const c of columns) {
    const col = `${d}[[${rString(c.name)}]]`;
    if (c.type === 'date') lines.push(`${col} <- as.Date(${col})`);
    else if (c.type === 'datetime') lines.push(`${col} <- as.POSIXct(${col}, format = "%Y-%m-%dT%H:%M:%OS", tz = "UTC")`);
    else if (c.type === 'categorical' && c.levels?.length) lines.push(`${col} <- factor(${col}, levels = c(${c.levels.map(rString).join(', ')}))`);
    else if (c.type === 'categorical') lines.push(`${col} <- factor(${col})`);
  }
  lines.push('', '# Labels (English) as attributes, as haven/labelled do.');
  for (const c of columns) lines.push(`attr(${d}[[${rString(c.name)}]], "label") <- ${rString(c.label.en + (c.unit ? ` (${c.unit})` : ''))}`);
  lines.push('', `str(${d})`, '');
  lines.push(
    '# With readr instead:',
    `# ${d} <- readr::read_csv(${rString(csvFile)}, na = "", col_types = readr::cols(${columns
      .map((c) => `${rName(c.name)} = readr::col_${c.type === 'integer' ? 'integer' : c.type === 'numeric' ? 'double' : c.type === 'boolean' ? 'logical' : c.type === 'date' ? 'date' : c.type === 'datetime' ? 'datetime' : c.type === 'categorical' && c.levels?.length ? `factor(c(${c.levels.map(rString).join(', ')}))` : 'character'}()`.replace('())()', '))'))
      .join(', ')}))`,
    '',
  );
  return lines.join('\n');
}
