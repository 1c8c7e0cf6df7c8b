/**
 * Parsing of str.format templates, as CPython 3.11's `MarkupIterator` / `parse_field` (the same
 * chunks `_string.formatter_parser` yields) and `formatter_field_name_split`. Looking fields up
 * (arguments, attributes, items) and auto-numbering are the VM's job.
 */
import { raise } from './errors.ts';

export interface FieldChunk {
  /** Text before the field, with {{ and }} already unescaped. */
  literal: string;
  /** null when the chunk is only literal text. */
  field: { name: string; conversion: string | null; spec: string } | null;
}

function parseField(body: string): NonNullable<FieldChunk['field']> {
  let i = 0;
  let stop = '';
  while (i < body.length) {
    const c = body[i++]!;
    if (c === '{') raise('ValueError', "unexpected '{' in field name");
    if (c === '[') {
      while (i < body.length && body[i] !== ']') i++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') {
      stop = c;
      break;
    }
  }
  if (stop !== '!' && stop !== ':') return { name: body, conversion: null, spec: '' };
  const name = body.slice(0, i - 1);
  let conversion: string | null = null;
  if (stop === '!') {
    if (i >= body.length)
      raise('ValueError', 'end of string while looking for conversion specifier');
    conversion = body[i++]!;
    if (i < body.length && body[i++] !== ':') {
      raise('ValueError', "expected ':' after conversion specifier");
    }
  }
  return { name, conversion, spec: body.slice(i) };
}

/**
 * Index of the '}' closing the field whose body starts at `pos`, or -1. Inside [...] of the
 * field name nothing counts; after '!' the next character is the conversion, whatever it is;
 * nested {} (in the spec) are counted.
 */
function findFieldEnd(s: string, from: number): number {
  let depth = 1;
  let inSpec = false;
  let pos = from;
  while (pos < s.length) {
    const c = s[pos++];
    if (!inSpec && c === '[') {
      while (pos < s.length && s[pos] !== ']') pos++;
      pos++;
    } else if (!inSpec && c === '!') {
      pos++;
    } else if (c === ':') {
      inSpec = true;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return pos - 1;
    }
  }
  return -1;
}

/** The template's chunks, in order. Works on UTF-16 units: every delimiter is ASCII. */
export function parseFormatString(template: string): FieldChunk[] {
  const s = template;
  const chunks: FieldChunk[] = [];
  let pos = 0;
  while (pos < s.length) {
    const start = pos;
    let c = '';
    while (pos < s.length) {
      c = s[pos++]!;
      if (c === '{' || c === '}') break;
      c = '';
    }
    const atEnd = pos >= s.length;
    if (c === '}' && (atEnd || s[pos] !== '}')) {
      raise('ValueError', "Single '}' encountered in format string");
    }
    if (atEnd && c === '{') raise('ValueError', "Single '{' encountered in format string");
    let markup = c !== '';
    let end = pos;
    if (markup && s[pos] === c) {
      pos++; // an escaped brace: literal text only
      markup = false;
    } else if (markup) end--;
    const literal = s.slice(start, end);
    if (!markup) {
      chunks.push({ literal, field: null });
      continue;
    }
    const bodyStart = pos;
    const close = findFieldEnd(s, pos);
    const closed = close >= 0;
    if (closed) pos = close + 1;
    if (!closed) {
      // CPython parses the unclosed field first: its errors win, then the message depends on it
      const field = parseField(s.slice(bodyStart));
      const hasSpec = field.conversion !== null || field.name.length < s.length - bodyStart;
      raise(
        'ValueError',
        hasSpec ? "unmatched '{' in format spec" : "expected '}' before end of string",
      );
    }
    chunks.push({ literal, field: parseField(s.slice(bodyStart, close)) });
  }
  return chunks;
}

export type FieldKey = { attr: string } | { index: string | bigint };

function keyOf(text: string): string | bigint {
  return /^[0-9]+$/.test(text) ? BigInt(text) : text;
}

/** "a.b[0]" -> first "a", then [{attr: "b"}, {index: 0n}]; a digits-only first part is an int. */
export function splitFieldName(name: string): { first: string | bigint; rest: FieldKey[] } {
  let i = 0;
  while (i < name.length && name[i] !== '.' && name[i] !== '[') i++;
  const first = keyOf(name.slice(0, i));
  const rest: FieldKey[] = [];
  while (i < name.length) {
    const c = name[i++];
    if (c === '.') {
      const start = i;
      while (i < name.length && name[i] !== '.' && name[i] !== '[') i++;
      if (i === start) raise('ValueError', 'Empty attribute in format string');
      rest.push({ attr: name.slice(start, i) });
    } else if (c === '[') {
      const start = i;
      while (i < name.length && name[i] !== ']') i++;
      if (i >= name.length) raise('ValueError', "Missing ']' in format string");
      if (i === start) raise('ValueError', 'Empty attribute in format string');
      rest.push({ index: keyOf(name.slice(start, i)) });
      i++;
    } else {
      raise('ValueError', "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return { first, rest };
}
