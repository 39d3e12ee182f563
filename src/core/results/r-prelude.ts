/**
 * The first lines of every exported R script: read the same data and apply the same filter,
 * so that the plugin's R call below them reproduces the numbers.
 */
export interface DataOrigin {
  /** The file the table came from, as the user named it. */
  file: string;
  format: string;
  sheet?: string;
}

function rString(s: string): string {
  return JSON.stringify(s);
}

export function readDataCode(origin: DataOrigin): string {
  switch (origin.format) {
    case 'xlsx':
      return `d <- as.data.frame(readxl::read_excel(${rString(origin.file)}${origin.sheet ? `, sheet = ${rString(origin.sheet)}` : ''}))`;
    case 'parquet':
      return `d <- as.data.frame(arrow::read_parquet(${rString(origin.file)}))`;
    case 'arrow':
      return `d <- as.data.frame(arrow::read_ipc_file(${rString(origin.file)}))`;
    case 'json':
      return `d <- jsonlite::fromJSON(${rString(origin.file)})`;
    case 'dataset':
      // An analysis dataset: its CSV and read_<name>.R come from the Datasets view's export.
      return [
        `# Analysis dataset "${origin.file}": export "CSV" and "R script" from the Datasets view, then`,
        `source(${rString(`read_${origin.file}.R`)}, encoding = "UTF-8")`,
        `d <- ${/^[A-Za-z.][A-Za-z0-9._]*$/.test(origin.file) ? origin.file : '`' + origin.file + '`'}`,
      ].join('\n');
    default:
      return `d <- read.csv(${rString(origin.file)}, check.names = FALSE, na.strings = c("", "NA", "N/A", "NULL", "null", "NaN", ".", "-"))`;
  }
}

/**
 * Translates a simple SQL filter into R (comparisons, AND/OR/NOT, IN, IS [NOT] NULL, quotes).
 * Returns null where the SQL uses something this translation does not know, so the script
 * says so rather than pretending.
 */
export function sqlFilterToR(sql: string): string | null {
  if (/\b(select|from|join|case|like|between|cast|exists)\b|::|\(\s*select/i.test(sql)) return null;
  // String literals are set aside first so that nothing below rewrites their contents.
  const strings: string[] = [];
  let r = sql.replace(/'((?:[^']|'')*)'/g, (_, s: string) => {
    strings.push(JSON.stringify(s.replace(/''/g, "'")));
    return `\u0000${strings.length - 1}\u0000`;
  });
  r = r.replace(/"([^"]+)"/g, (m, name: string) => (/^[A-Za-z.][A-Za-z0-9._]*$/.test(name) ? name : '`' + name + '`'));
  r = r.replace(/([A-Za-z0-9_.`]+)\s+is\s+not\s+null\b/gi, '!is.na($1)');
  r = r.replace(/([A-Za-z0-9_.`]+)\s+is\s+null\b/gi, 'is.na($1)');
  r = r.replace(/([A-Za-z0-9_.`]+)\s+not\s+in\s*\(([^)]*)\)/gi, '!($1 %in% c($2))');
  r = r.replace(/([A-Za-z0-9_.`]+)\s+in\s*\(([^)]*)\)/gi, '$1 %in% c($2)');
  r = r.replace(/<>/g, '!=');
  r = r.replace(/([^<>!=])=(?!=)/g, '$1==');
  r = r.replace(/\band\b/gi, '&').replace(/\bor\b/gi, '|').replace(/\bnot\b/gi, '!');
  r = r.replace(/\btrue\b/gi, 'TRUE').replace(/\bfalse\b/gi, 'FALSE');
  return r.replace(/\u0000(\d+)\u0000/g, (_, i: string) => strings[Number(i)]);
}

export function preludeCode(origin: DataOrigin, filter: string | undefined): string {
  const lines = [readDataCode(origin)];
  if (filter && filter.trim()) {
    const r = sqlFilterToR(filter);
    lines.push(`# Filter (SQL): ${filter.replace(/\n/g, ' ')}`);
    lines.push(r ? `d <- subset(d, ${r})` : '# (translate this filter to R by hand: it uses SQL the exporter does not convert)');
  }
  return lines.join('\n');
}
