// How DEFAULT_TRAINING_CONFIG was chosen: 5-fold cross-validation over the training set only, so the
// held-out set stays unseen by every choice made. Not part of the build; run it by hand when the data
// or the model changes:  npx tsx models/src/sentiment/cross-validate.ts
import { LabelledText, readTrainingSet } from './dataset';
import { mulberry32, shuffleInPlace } from './prng';
import { DEFAULT_TRAINING_CONFIG, lexiconExamples, predict, SentimentTrainingConfig, trainSentimentModel } from './train';

const FOLDS = 5;

export function crossValidatedAccuracy(rows: readonly LabelledText[], config: SentimentTrainingConfig, folds = FOLDS): number {
  const shuffled = shuffleInPlace([...rows], mulberry32(7));
  const lexicon = lexiconExamples();
  let correct = 0;
  for (let fold = 0; fold < folds; fold++) {
    const test = shuffled.filter((_, i) => i % folds === fold);
    const model = trainSentimentModel(
      shuffled.filter((_, i) => i % folds !== fold),
      lexicon,
      config,
    );
    correct += test.filter((row) => predict(model, row.text).label === row.label).length;
  }
  return correct / shuffled.length;
}

if (require.main === module) {
  const rows = readTrainingSet();
  const grid: Array<Partial<SentimentTrainingConfig>> = [];
  for (const learningRate of [0.2, 0.5, 1]) {
    for (const l2 of [0.001, 0.01, 0.02, 0.05]) {
      for (const lexiconWeight of [0.5, 1]) grid.push({ learningRate, l2, lexiconWeight });
    }
  }
  grid.push({ lexiconWeight: 0 }, { noEvidenceExamples: 0 }, { noEvidenceExamples: 50 }, { epochs: 20 }, { epochs: 60 }, { buckets: 32749 });
  for (const change of grid) {
    const accuracy = crossValidatedAccuracy(rows, { ...DEFAULT_TRAINING_CONFIG, ...change });
    console.log(`${accuracy.toFixed(4)}  ${JSON.stringify(change)}`);
  }
}
