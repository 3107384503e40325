// CSV as Excel writes it: UTF-8 (with or without a BOM) or, from Excel on Chinese Windows, GB18030
// (GBK); RFC 4180 quoting. Every cell stays text, so an 18-digit ID number keeps all its digits.

/** Bytes → text: UTF-8 when they are valid UTF-8, otherwise GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Rows of cells; quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const p: Parser = { rows: [], row: [], cell: '', quoted: false };
  let i = 0;
  while (i < text.length) i = p.quoted ? inQuotes(p, text, i) : outsideQuotes(p, text, i);
  if (p.cell !== '' || p.row.length) endRow(p);
  return p.rows;
}

interface Parser {
  rows: string[][];
  row: string[];
  cell: string;
  quoted: boolean;
}

/** One character inside a quoted cell; answers where the next one starts. */
function inQuotes(p: Parser, text: string, i: number): number {
  const c = text.charAt(i);
  if (c !== '"') {
    p.cell += c;
    return i + 1;
  }
  if (text.charAt(i + 1) === '"') {
    p.cell += '"';
    return i + 2;
  }
  p.quoted = false;
  return i + 1;
}

/** One character outside quotes: a quote opening a cell, a comma, a line break, or text. */
function outsideQuotes(p: Parser, text: string, i: number): number {
  const c = text.charAt(i);
  if (c === '"' && p.cell === '') {
    p.quoted = true;
  } else if (c === ',') {
    p.row.push(p.cell);
    p.cell = '';
  } else if (c === '\n' || c === '\r') {
    endRow(p);
    if (c === '\r' && text.charAt(i + 1) === '\n') return i + 2;
  } else {
    p.cell += c;
  }
  return i + 1;
}

function endRow(p: Parser): void {
  p.row.push(p.cell);
  p.rows.push(p.row);
  p.row = [];
  p.cell = '';
}
