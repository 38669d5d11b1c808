// Reads the labelled finance headlines (one JSON object per line: { "text", "label" }) that the
// classifier is trained on (data/labelled.ndjson) and evaluated on (data/heldout.ndjson).
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
