import { CsvError, parse } from 'csv-parse/sync';
import { BadUserInputError } from '../graphql/errors.js';

/** The largest file an upload takes (the text as sent, before the BOM is stripped). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
const MAX_COLUMNS = 500;
export const SAMPLE_ROWS = 5;

export interface CsvRow {
  /** The spreadsheet line: the header is line 1, the first data row line 2. */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: string;
  headers: string[];
  /** Data rows, blank ones left out (their lines still count). */
  rows: CsvRow[];
}

/** On a tie, a tab or a semicolon wins: commas turn up inside names far more often. */
const DELIMITERS = ['\t', ';', ','] as const;

/**
 * The delimiter of the header line: the most frequent of comma, semicolon (Excel where the decimal
 * mark is a comma) and tab, outside quotes; a comma when there is none (one column).
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const found = counts.get(delimiter) ?? 0;
    if (found > most) [best, most] = [delimiter, found];
  }
  return best;
}

function refuse(message: string): BadUserInputError {
  return BadUserInputError.field(['file'], message, 'INVALID_CSV');
}

/** UTF-8 text of an upload, the byte-order mark stripped; anything else is refused with a hint. */
export function csvText(body: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw refuse('The file is not UTF-8 text: save it as "CSV UTF-8" and upload it again');
  }
  return text.replace(/^\uFEFF/, '');
}

function csvProblem(error: CsvError): string {
  const where = 'lines' in error && typeof error.lines === 'number' ? ` (line ${error.lines})` : '';
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return `A quoted value is never closed${where}: every " that opens a value needs one that closes it`;
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
    return `A quote is out of place${where}: a " inside a quoted value is written twice ("")`;
  }
  return `The file is not valid CSV${where}`;
}

/**
 * Parses an uploaded file: the delimiter from the header line, the header, and every data row.
 * Refuses (BAD_USER_INPUT, reason INVALID_CSV) a file without a header, with unbalanced quotes, or
 * without a single data row.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): ParsedCsv {
  if (text.trim() === '') throw refuse('The file is empty');
  let records: string[][];
  try {
    // A quote inside an unquoted value (a 5" pipe) is kept as typed; a quoted value never closed is refused.
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    if (error instanceof CsvError) throw refuse(csvProblem(error));
    throw error;
  }
  const headerIndex = records.findIndex((record) => record.some((cell) => cell.trim() !== ''));
  // The first line names the columns; a file starting with blank lines has no header where it should be.
  if (headerIndex !== 0) throw refuse('The first line must name the columns');
  const headers = (records[0] ?? []).map((cell) => cell.trim());
  if (headers.length > MAX_COLUMNS) throw refuse(`A file may have at most ${MAX_COLUMNS} columns (it has ${headers.length})`);
  const rows: CsvRow[] = [];
  records.forEach((cells, index) => {
    if (index === 0 || cells.every((cell) => cell.trim() === '')) return;
    rows.push({ line: index + 1, cells });
  });
  if (rows.length === 0) throw refuse('The file has a header but no rows');
  return { delimiter, headers, rows };
}

/**
 * A cell of a row, trimmed; empty when the row is shorter than the header. The apostrophe an export
 * puts before a value a spreadsheet would run as a formula is taken off.
 */
export function cell(row: CsvRow, column: number): string {
  const value = (row.cells[column] ?? '').trim();
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}
