// Reads the labelled finance text the classifier is trained and evaluated on:
//  - the real set (data/financial-news-sentiment/{train,valid}.csv, CSV `text,label` with
//    0 = bearish, 1 = bullish, 2 = neutral), mapped to FinBERT's labels: train.csv trains the shipped
//    model, valid.csv only evaluates it;
//  - the hand-written headlines (one JSON object per line: { "text", "label" }) of data/labelled.ndjson
//    and data/heldout.ndjson, a small style check of clear-cut headlines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSentimentLabel, SentimentLabel } from './labels';

export interface LabelledText {
  text: string;
  label: SentimentLabel;
}

export const DATA_DIR = join(__dirname, 'data');
export const TRAINING_SET_PATH = join(DATA_DIR, 'labelled.ndjson');
export const HELDOUT_SET_PATH = join(DATA_DIR, 'heldout.ndjson');
export const REAL_DATA_DIR = join(DATA_DIR, 'financial-news-sentiment');
export const REAL_TRAINING_SET_PATH = join(REAL_DATA_DIR, 'train.csv');
export const REAL_EVALUATION_SET_PATH = join(REAL_DATA_DIR, 'valid.csv');

/** The real set's class codes (its README): 0 = bearish, 1 = bullish, 2 = neutral. */
export const REAL_LABELS: Readonly<Record<string, SentimentLabel>> = { '0': 'negative', '1': 'positive', '2': 'neutral' };

export function parseNdjson(content: string, source: string): LabelledText[] {
  return content
    .split('\n')
    .map((line, index) => ({ line: line.trim(), lineNo: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, lineNo }) => {
      const row: unknown = JSON.parse(line);
      if (typeof row !== 'object' || row === null) throw new Error(`${source}:${lineNo}: not an object`);
      const { text, label } = row as Record<string, unknown>;
      if (typeof text !== 'string' || text.trim() === '') throw new Error(`${source}:${lineNo}: missing text`);
      if (!isSentimentLabel(label)) throw new Error(`${source}:${lineNo}: bad label ${JSON.stringify(label)}`);
      return { text, label };
    });
}

export function readLabelledFile(path: string): LabelledText[] {
  return parseNdjson(readFileSync(path, 'utf8'), path);
}

export const readTrainingSet = (): LabelledText[] => readLabelledFile(TRAINING_SET_PATH);
export const readHeldoutSet = (): LabelledText[] => readLabelledFile(HELDOUT_SET_PATH);

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Returns rows of fields. */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  for (; i < content.length; i++) {
    const c = content[i];
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') endRow();
    else if (c === '\r' && content[i + 1] === '\n') continue;
    else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** A `text,label` CSV of the real set, labels mapped to FinBERT's. */
export function parseLabelledCsv(content: string, source: string): LabelledText[] {
  const [header, ...rows] = parseCsv(content);
  if (!header || header[0] !== 'text' || header[1] !== 'label') throw new Error(`${source}: expected the header text,label`);
  return rows.map((fields, index) => {
    const [text, code] = fields;
    const label = REAL_LABELS[code?.trim() ?? ''];
    if (fields.length !== 2 || text === undefined || text.trim() === '') throw new Error(`${source}: row ${index + 1}: expected a text and a label`);
    if (!label) throw new Error(`${source}: row ${index + 1}: bad label ${JSON.stringify(code)}`);
    return { text, label };
  });
}

export const readRealTrainingSet = (): LabelledText[] => parseLabelledCsv(readFileSync(REAL_TRAINING_SET_PATH, 'utf8'), REAL_TRAINING_SET_PATH);
/** The evaluation split: never trained or tuned on. */
export const readRealEvaluationSet = (): LabelledText[] => parseLabelledCsv(readFileSync(REAL_EVALUATION_SET_PATH, 'utf8'), REAL_EVALUATION_SET_PATH);
