/**
 * Derived-variable expressions ("bmi(weight, height)", "CASE WHEN age >= 65 THEN 'old' ELSE
 * 'young' END", "ldl > 3.4 AND diabetes"): a small grammar parsed here and compiled to SQL with
 * quoted identifiers and escaped literals, so user text never reaches DuckDB as SQL.
 *
 *   expr   := or
 *   or     := and ("OR" and)*          and := not ("AND" not)*       not := "NOT" not | cmp
 *   cmp    := add (("="|"!="|"<>"|"<"|"<="|">"|">=") add | "IS" ["NOT"] "NULL")?
 *   add    := mul (("+"|"-") mul)*     mul := unary (("*"|"/") unary)*
 *   unary  := "-" unary | primary
 *   primary:= number | 'string' | TRUE | FALSE | NULL | name | name "(" args ")" | "(" expr ")"
 *           | CASE (WHEN expr THEN expr)+ [ELSE expr] END
 */
import { ident, literal } from '../engine/connector';
import { UserError } from '../errors';
import type { MeasureType } from '../plugin/types';

type Token = { kind: 'num' | 'str' | 'name' | 'op' | 'eof'; text: string; pos: number };

export type ExprType = 'numeric' | 'boolean' | 'categorical' | 'null';

export interface CompiledExpression {
  sql: string;
  type: ExprType;
  /** Feature names the expression reads. */
  uses: string[];
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'IS', 'NULL', 'TRUE', 'FALSE']);

function bad(expression: string, pos: number, en: string, zh: string): UserError {
  return new UserError('spec', 'bad_expression', {
    en: `The expression "${expression}" cannot be used: ${en} (at character ${pos + 1}). Write it like: bmi(weight_kg, height_cm) or CASE WHEN age >= 65 THEN 'old' ELSE 'young' END.`,
    zh: `表达式"${expression}"无法使用：${zh}（第 ${pos + 1} 个字符处）。写法示例：bmi(weight_kg, height_cm) 或 CASE WHEN age >= 65 THEN 'old' ELSE 'young' END。`,
  });
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw bad(src, i, 'a number is malformed', '数字格式错误');
      out.push({ kind: 'num', text: m[0], pos: i });
      i += m[0].length;
    } else if (/[A-Za-z_\u4e00-\u9fff]/.test(c)) {
      const m = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*/.exec(src.slice(i))!;
      out.push({ kind: 'name', text: m[0], pos: i });
      i += m[0].length;
    } else if (c === "'") {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw bad(src, i, 'a text in quotes is not closed', '引号中的文本没有闭合');
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            s += "'";
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ kind: 'str', text: s, pos: i });
      i = j + 1;
    } else {
      const two = src.slice(i, i + 2);
      if (['<=', '>=', '<>', '!='].includes(two)) {
        out.push({ kind: 'op', text: two, pos: i });
        i += 2;
      } else if ('+-*/(),<>='.includes(c)) {
        out.push({ kind: 'op', text: c, pos: i });
        i++;
      } else {
        throw bad(src, i, `the character "${c}" is not allowed`, `不允许使用字符"${c}"`);
      }
    }
  }
  out.push({ kind: 'eof', text: '', pos: src.length });
  return out;
}

interface Node {
  sql: string;
  type: ExprType;
}

/** Female / male from the usual codings of sex (F/M, female/male, 女/男). */
export function femaleSql(sex: string): string {
  return `(CASE WHEN lower(trim(CAST(${sex} AS VARCHAR))) IN ('f', 'female', 'woman', '女', '女性') THEN true WHEN lower(trim(CAST(${sex} AS VARCHAR))) IN ('m', 'male', 'man', '男', '男性') THEN false END)`;
}

/**
 * CKD-EPI 2021 creatinine equation without race (Inker et al., NEJM 2021):
 * 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 [female];
 * κ = 0.7 (female) / 0.9 (male), α = −0.241 (female) / −0.302 (male); Scr in mg/dL.
 */
export function egfrSql(scr: string, age: string, sex: string): string {
  const f = femaleSql(sex);
  const k = `(CASE WHEN ${f} THEN 0.7 ELSE 0.9 END)`;
  const a = `(CASE WHEN ${f} THEN -0.241 ELSE -0.302 END)`;
  return `(CASE WHEN ${f} IS NULL OR ${scr} IS NULL OR ${scr} <= 0 OR ${age} IS NULL THEN NULL ELSE 142 * pow(least(${scr} / ${k}, 1), ${a}) * pow(greatest(${scr} / ${k}, 1), -1.200) * pow(0.9938, ${age}) * (CASE WHEN ${f} THEN 1.012 ELSE 1 END) END)`;
}

/** Labels of age groups cut at `breaks` (left-closed, as ages are): "<18", "18-44", ..., "≥80". */
export function ageGroupLabels(breaks: number[]): string[] {
  const labels = [`<${breaks[0]}`];
  for (let i = 0; i + 1 < breaks.length; i++) labels.push(`${breaks[i]}-${breaks[i + 1] - 1}`);
  labels.push(`≥${breaks[breaks.length - 1]}`);
  return labels;
}

class Parser {
  #t: Token[];
  #i = 0;
  readonly uses = new Set<string>();
  constructor(
    private readonly src: string,
    private readonly columns: Map<string, MeasureType>,
  ) {
    this.#t = tokenize(src);
  }

  #peek(): Token {
    return this.#t[this.#i];
  }
  #isKw(word: string): boolean {
    const t = this.#peek();
    return t.kind === 'name' && t.text.toUpperCase() === word;
  }
  #isOp(op: string): boolean {
    const t = this.#peek();
    return t.kind === 'op' && t.text === op;
  }
  #expectKw(word: string): void {
    if (!this.#isKw(word)) throw bad(this.src, this.#peek().pos, `"${word}" is expected`, `此处应为"${word}"`);
    this.#i++;
  }
  #expectOp(op: string): void {
    if (!this.#isOp(op)) throw bad(this.src, this.#peek().pos, `"${op}" is expected`, `此处应为"${op}"`);
    this.#i++;
  }

  parse(): Node {
    const n = this.#or();
    if (this.#peek().kind !== 'eof') throw bad(this.src, this.#peek().pos, `"${this.#peek().text}" is unexpected`, `"${this.#peek().text}"不应出现在此处`);
    return n;
  }

  #or(): Node {
    let l = this.#and();
    while (this.#isKw('OR')) {
      this.#i++;
      l = { sql: `(${l.sql} OR ${this.#and().sql})`, type: 'boolean' };
    }
    return l;
  }
  #and(): Node {
    let l = this.#not();
    while (this.#isKw('AND')) {
      this.#i++;
      l = { sql: `(${l.sql} AND ${this.#not().sql})`, type: 'boolean' };
    }
    return l;
  }
  #not(): Node {
    if (this.#isKw('NOT')) {
      this.#i++;
      return { sql: `(NOT ${this.#not().sql})`, type: 'boolean' };
    }
    return this.#cmp();
  }
  #cmp(): Node {
    const l = this.#add();
    const t = this.#peek();
    if (t.kind === 'op' && ['=', '!=', '<>', '<', '<=', '>', '>='].includes(t.text)) {
      this.#i++;
      const r = this.#add();
      return { sql: `(${l.sql} ${t.text === '!=' ? '<>' : t.text} ${r.sql})`, type: 'boolean' };
    }
    if (this.#isKw('IS')) {
      this.#i++;
      const not = this.#isKw('NOT');
      if (not) this.#i++;
      this.#expectKw('NULL');
      return { sql: `(${l.sql} IS ${not ? 'NOT ' : ''}NULL)`, type: 'boolean' };
    }
    return l;
  }
  #add(): Node {
    let l = this.#mul();
    while (this.#isOp('+') || this.#isOp('-')) {
      const op = this.#t[this.#i++].text;
      const r = this.#mul();
      this.#numeric(l, r);
      l = { sql: `(${l.sql} ${op} ${r.sql})`, type: 'numeric' };
    }
    return l;
  }
  #mul(): Node {
    let l = this.#unary();
    while (this.#isOp('*') || this.#isOp('/')) {
      const op = this.#t[this.#i++].text;
      const r = this.#unary();
      this.#numeric(l, r);
      // Division by zero gives a missing value rather than an error or infinity.
      l = { sql: op === '/' ? `(${l.sql} / NULLIF(${r.sql}, 0))` : `(${l.sql} * ${r.sql})`, type: 'numeric' };
    }
    return l;
  }
  #numeric(...nodes: Node[]): void {
    for (const n of nodes) {
      if (n.type === 'categorical') throw bad(this.src, this.#peek().pos, 'arithmetic needs numbers, not text', '算术运算需要数值，不能用文本');
    }
  }
  #unary(): Node {
    if (this.#isOp('-')) {
      this.#i++;
      const n = this.#unary();
      this.#numeric(n);
      return { sql: `(- ${n.sql})`, type: 'numeric' };
    }
    return this.#primary();
  }
  #args(): Node[] {
    this.#expectOp('(');
    const args: Node[] = [];
    if (!this.#isOp(')')) {
      args.push(this.#or());
      while (this.#isOp(',')) {
        this.#i++;
        args.push(this.#or());
      }
    }
    this.#expectOp(')');
    return args;
  }
  #primary(): Node {
    const t = this.#peek();
    if (t.kind === 'num') {
      this.#i++;
      return { sql: String(Number(t.text)), type: 'numeric' };
    }
    if (t.kind === 'str') {
      this.#i++;
      return { sql: literal(t.text), type: 'categorical' };
    }
    if (this.#isOp('(')) {
      this.#i++;
      const n = this.#or();
      this.#expectOp(')');
      return { sql: `(${n.sql})`, type: n.type };
    }
    if (t.kind !== 'name') throw bad(this.src, t.pos, `"${t.text || 'the end'}" is unexpected`, `"${t.text || '结尾'}"不应出现在此处`);
    const upper = t.text.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') {
      this.#i++;
      return { sql: upper, type: 'boolean' };
    }
    if (upper === 'NULL') {
      this.#i++;
      return { sql: 'NULL', type: 'null' };
    }
    if (upper === 'CASE') return this.#case();
    if (KEYWORDS.has(upper)) throw bad(this.src, t.pos, `"${t.text}" is unexpected`, `"${t.text}"不应出现在此处`);
    this.#i++;
    if (this.#isOp('(')) return this.#call(t);
    const type = this.columns.get(t.text);
    if (!type) {
      throw bad(this.src, t.pos, `there is no feature named "${t.text}" before this one`, `此前没有名为"${t.text}"的变量`);
    }
    this.uses.add(t.text);
    const kind: ExprType = type === 'boolean' ? 'boolean' : type === 'numeric' || type === 'integer' ? 'numeric' : 'categorical';
    return { sql: ident(t.text), type: kind };
  }
  #case(): Node {
    this.#expectKw('CASE');
    const whens: { cond: string; value: Node }[] = [];
    let otherwise: Node | null = null;
    if (!this.#isKw('WHEN')) throw bad(this.src, this.#peek().pos, '"WHEN" is expected', '此处应为"WHEN"');
    while (this.#isKw('WHEN')) {
      this.#i++;
      const cond = this.#or().sql;
      this.#expectKw('THEN');
      whens.push({ cond, value: this.#or() });
    }
    if (this.#isKw('ELSE')) {
      this.#i++;
      otherwise = this.#or();
    }
    this.#expectKw('END');
    const known = [...whens.map((w) => w.value), ...(otherwise ? [otherwise] : [])].map((v) => v.type).filter((x) => x !== 'null');
    const type: ExprType = known.length === 0 ? 'null' : known.every((x) => x === known[0]) ? known[0] : 'categorical';
    // Mixed branch types are returned as text, so "CASE WHEN x THEN 1 ELSE 'a' END" does not fail in SQL.
    const out = (v: Node) => (type === 'categorical' && v.type !== 'categorical' && v.type !== 'null' ? `CAST(${v.sql} AS VARCHAR)` : v.sql);
    const body = whens.map((w) => `WHEN ${w.cond} THEN ${out(w.value)}`).join(' ') + (otherwise ? ` ELSE ${out(otherwise)}` : '');
    return { sql: `(CASE ${body} END)`, type };
  }
  #call(name: Token): Node {
    const fn = name.text.toLowerCase();
    const args = this.#args();
    const arity = (min: number, max = min) => {
      if (args.length < min || args.length > max) {
        throw bad(this.src, name.pos, `${fn}() takes ${min === max ? min : `${min} to ${max}`} values`, `${fn}() 需要 ${min === max ? min : `${min} 到 ${max}`} 个参数`);
      }
    };
    const num = (sql: string): Node => ({ sql, type: 'numeric' });
    switch (fn) {
      case 'bmi':
        arity(2);
        this.#numeric(...args);
        // weight in kg, height in cm.
        return num(`(${args[0].sql} / NULLIF((${args[1].sql} / 100.0) * (${args[1].sql} / 100.0), 0))`);
      case 'egfr_ckd_epi_2021':
        arity(3);
        this.#numeric(args[0], args[1]);
        return num(egfrSql(args[0].sql, args[1].sql, args[2].sql));
      case 'age_group': {
        if (args.length < 2) arity(2, 99);
        const breaks = args.slice(1).map((a) => Number(a.sql));
        if (breaks.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= breaks[i - 1]))) {
          throw bad(this.src, name.pos, 'age_group(age, 18, 45, 65) needs increasing numbers after the age', 'age_group(age, 18, 45, 65) 中年龄之后须为递增的数字');
        }
        const labels = ageGroupLabels(breaks);
        const whens = breaks.map((b, i) => `WHEN ${args[0].sql} < ${b} THEN ${literal(labels[i])}`).join(' ');
        return { sql: `(CASE WHEN ${args[0].sql} IS NULL THEN NULL ${whens} ELSE ${literal(labels[labels.length - 1])} END)`, type: 'categorical' };
      }
      case 'abs':
      case 'sqrt':
      case 'ln':
      case 'log10':
      case 'exp':
        arity(1);
        this.#numeric(...args);
        // ln/sqrt of a non-positive value is missing, not an error.
        if (fn === 'ln' || fn === 'log10') return num(`(CASE WHEN ${args[0].sql} > 0 THEN ${fn}(${args[0].sql}) END)`);
        if (fn === 'sqrt') return num(`(CASE WHEN ${args[0].sql} >= 0 THEN sqrt(${args[0].sql}) END)`);
        return num(`${fn}(${args[0].sql})`);
      case 'round':
        arity(1, 2);
        this.#numeric(...args);
        return num(`round(${args[0].sql}, ${args[1] ? `CAST(${args[1].sql} AS INTEGER)` : '0'})`);
      case 'least':
      case 'greatest':
      case 'min':
      case 'max':
        arity(2, 99);
        this.#numeric(...args);
        return num(`${fn === 'min' ? 'least' : fn === 'max' ? 'greatest' : fn}(${args.map((a) => a.sql).join(', ')})`);
      case 'coalesce': {
        arity(2, 99);
        const known = args.map((a) => a.type).filter((x) => x !== 'null');
        return { sql: `coalesce(${args.map((a) => a.sql).join(', ')})`, type: known[0] ?? 'null' };
      }
      default:
        throw bad(this.src, name.pos, `there is no function "${name.text}" (known: bmi, egfr_ckd_epi_2021, age_group, abs, sqrt, ln, log10, exp, round, least, greatest, coalesce)`, `没有函数"${name.text}"（可用：bmi、egfr_ckd_epi_2021、age_group、abs、sqrt、ln、log10、exp、round、least、greatest、coalesce）`);
    }
  }
}

/** Compiles `expression` over the given columns (name -> type) to SQL. Throws UserError on bad input. */
export function compileExpression(expression: string, columns: Map<string, MeasureType>): CompiledExpression {
  if (!expression.trim()) throw bad(expression, 0, 'it is empty', '表达式为空');
  const p = new Parser(expression, columns);
  const n = p.parse();
  return { sql: n.sql, type: n.type, uses: [...p.uses] };
}

export function measureTypeOfExpr(t: ExprType): MeasureType {
  return t === 'boolean' ? 'boolean' : t === 'categorical' ? 'categorical' : 'numeric';
}
