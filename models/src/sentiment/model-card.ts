// The README.md model card written next to the built model: what it is, what it was trained on, how well
// it does on the held-out real split next to two baselines, and how to replace it with a real FinBERT export.
import type { BaselineMetrics } from './baselines';
import { SENTIMENT_LABELS } from './labels';
import { ClassificationMetrics } from './metrics';
import { NEGATORS } from './features';
import { CROSS_VALIDATED_MACRO_F1, SentimentTrainingConfig } from './train';

export interface ModelCardFacts {
  name: string;
  version: string;
  vocabSize: number;
  config: SentimentTrainingConfig;
  temperature: number;
  classWeights: Record<string, number>;
  trainingExamples: number;
  lexiconExamples: number;
  training: ClassificationMetrics;
  heldout: ClassificationMetrics;
  handwritten: ClassificationMetrics;
  baselines: BaselineMetrics;
  fileSizes: ReadonlyArray<{ path: string; bytes: number }>;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const f3 = (x: number) => x.toFixed(3);

function comparisonTable(rows: ReadonlyArray<[string, ClassificationMetrics]>): string {
  return [
    `| | accuracy | macro-F1 | F1 positive | F1 negative | F1 neutral |`,
    '|---|---|---|---|---|---|',
    ...rows.map(([name, m]) => `| ${name} | ${pct(m.accuracy)} | ${f3(m.macroF1)} | ${SENTIMENT_LABELS.map((l) => f3(m.perClass[l].f1)).join(' | ')} |`),
  ].join('\n');
}

function metricsTable(m: ClassificationMetrics): string {
  const rows = SENTIMENT_LABELS.map((l) => {
    const c = m.perClass[l];
    return `| ${l} | ${c.precision.toFixed(3)} | ${c.recall.toFixed(3)} | ${c.f1.toFixed(3)} | ${c.support} |`;
  });
  return ['| class | precision | recall | F1 | support |', '|---|---|---|---|---|', ...rows].join('\n');
}

function confusionTable(m: ClassificationMetrics): string {
  const header = `| actual \\ predicted | ${SENTIMENT_LABELS.join(' | ')} |`;
  const rows = SENTIMENT_LABELS.map((a) => `| ${a} | ${SENTIMENT_LABELS.map((p) => m.confusion[a][p]).join(' | ')} |`);
  return [header, `|---|${SENTIMENT_LABELS.map(() => '---|').join('')}`, ...rows].join('\n');
}

export function modelCard(f: ModelCardFacts): string {
  const c = f.config;
  const files = f.fileSizes.map((x) => `| \`${x.path}\` | ${x.bytes} |`).join('\n');
  const h = f.heldout;
  const gap = 0.8 - h.macroF1;
  const counts = SENTIMENT_LABELS.map((l) => `${h.perClass[l].support} ${l}`).join(', ');
  return `# ${f.name} ${f.version}

The AITrader platform's own finance-headline sentiment classifier. It is **not FinBERT**: it is a linear
model, built and trained from scratch by \`models/src/sentiment/build.ts\` on real labelled finance text, that
ships in FinBERT's exact folder layout and label space so the platform loads it, and a real FinBERT export,
through the same code (\`models/src/sentiment/classifier.ts\`, transformers.js \`text-classification\` pipeline,
offline).

Labels (FinBERT's \`id2label\`): \`0: positive\`, \`1: negative\`, \`2: neutral\`.

## How good it is (held-out real text)

Measured on \`models/src/sentiment/data/financial-news-sentiment/valid.csv\`: ${h.examples} real finance
headlines and posts (${counts}) that were never trained on. Settings were chosen by 5-fold cross-validation on
\`train.csv\` only (macro-F1 ${f3(CROSS_VALIDATED_MACRO_F1)} for these settings, the mean over three fold splits). How this
split was used, in full: during the development of 2.0.0 it was scored for two rejected variants — the same recipe
without negation handling (0.802) and with the hand-written headlines as extra training data (0.794) — and neither
was picked for that number (cross-validation could not tell them apart). For 2.1.0 it was scored twice, each time
for the best cross-validated variant so far: L2 0.005 with averaged SGD (cross-validated 0.767, scored 0.798, below
the 0.80 target, so not shipped), then, after numbers were collapsed to "0", this model (cross-validated 0.770). The
choice between the two was made by cross-validation; this split only decided whether the best of them met the target.
The baselines are measured on the same texts in the same
run (\`npm run eval:sentiment\` prints all three through the service's loader and writes
\`bench/results/sentiment-eval.json\`; the build computes the same numbers with its JavaScript scorer).

${comparisonTable([
  [`**${f.name} ${f.version}**`, h],
  [`majority class (always "${f.baselines.majority.label}")`, f.baselines.majority],
  ['VADER lexicon (vader-sentiment, compound ±0.05)', f.baselines.vader],
])}

**Macro-F1 ${f3(h.macroF1)}** (accuracy ${pct(h.accuracy)}). ${
    gap > 0
      ? `The target was macro-F1 ≥ 0.80: this model is ${f3(gap)} short of it. A bag of WordPiece n-grams has no
notion of word meaning beyond the ${f.trainingExamples} training texts; most remaining errors need world knowledge
("Gold steadies as virus concerns stall stock markets", "Hedge funds are souring on …") or hinge on labels that
are themselves debatable. The lexicon features and skip-bigrams added about 0.015 in cross-validation; the other
variants tried (class weights 0–1, a 131071-bucket table, trigrams, Naive-Bayes feature scaling, 30–60 epochs,
the hand-written headlines as extra training data) moved it by less than 0.01. Fine-tuned transformers reach
the high 0.8s on this data. A real FinBERT export (below) is the way up.`
      : `The target (macro-F1 ≥ 0.80) is met, narrowly: cross-validation estimated
${f3(CROSS_VALIDATED_MACRO_F1)} for these settings (on 80 % of the training data per fold), so expect roughly 0.77–0.80 on text
like this. 2.1.0 differs from 2.0.0 (0.797 here, cross-validated 0.763) in three settings, each chosen by
cross-validation: numbers collapse to "0" in the tokenizer (+0.003; "+4%" and "+12.5%" now read alike), L2 0.007
instead of 0.00001 (+0.003; 0.003–0.01 all within 0.002 of it) and averaged SGD (the mean of the
end-of-epoch weights, +0.001). Tried the same way and not kept (mean macro-F1 over three 5-fold splits, 2.0.0 = 0.763):
a 5-seed weight average (0.764), class-weight powers 0.5–1 (0.761–0.763), per-class decision offsets fitted on
out-of-fold logits (0.763), hashed character 3–5- and 4–6-grams of the words (0.739, 0.742), L2 0.03 (0.758), and, on
top of L2 and averaging, URLs removed (0.767) or cashtags collapsed to one token (0.768). Most remaining errors need
world knowledge ("Gold steadies as virus concerns stall stock markets", "Hedge funds are souring on …") or hinge on
labels that are themselves debatable. Fine-tuned transformers reach the high 0.8s on this data; a real FinBERT export
(below) is the way up.`
  } Version 1.0.0, trained on 693 hand-written headlines, scored
accuracy 49.1 %, macro-F1 0.447 on these texts.

${confusionTable(h)}

${metricsTable(h)}

**Calibration.** The softmax is temperature-scaled (T = ${f.temperature}, fitted by minimising the
log-loss of 5-fold out-of-fold predictions on the training split), so the probabilities, and the
\`score\` = P(positive) − P(negative) the platform aggregates, mean what they say; \`npm run eval:sentiment\`
reports the expected calibration error, log-loss and Brier score on the held-out split.

**Hand-written headlines** (\`heldout.ndjson\`, ${f.handwritten.examples} clear-cut headlines in another style,
not trained on): accuracy ${pct(f.handwritten.accuracy)}, macro-F1 ${f3(f.handwritten.macroF1)}.

## Files

| file | bytes |
|---|---|
${files}

- \`config.json\`: \`model_type: bert\`, \`BertForSequenceClassification\`, id2label/label2id; the \`aitrader\` block
  records that this is the platform's model, its version, architecture, training settings, data, metrics and baselines.
- \`tokenizer.json\`, \`tokenizer_config.json\`, \`special_tokens_map.json\`, \`vocab.txt\`: a BERT-uncased WordPiece tokenizer
  (${c.collapseNumbers ? 'a Replace normalizer that writes every number as "0", then ' : ''}BertNormalizer lowercase, BertPreTokenizer, \`[CLS] $A [SEP]\`) with a ${f.vocabSize}-token vocabulary.
- \`onnx/model.onnx\`: inputs \`input_ids\`, \`attention_mask\`, \`token_type_ids\` (int64 \`[batch, sequence]\`),
  output \`logits\` (float32 \`[batch, 3]\`); ONNX opset 13, standard operators only.

## Model

Softmax regression over WordPiece n-grams:

\`\`\`
logits = Σ_t s_t · m_t · U[id_t]  +  Σ_t g_t · g_{t+1} · B[(id_t · V + id_{t+1}) mod H]
       ${c.skipBigrams ? '+  Σ_t g_t · g_{t+2} · B[(id_t · V + id_{t+2} + S) mod H]  ' : ''}+  bias
\`\`\`

- \`U\` \`[${f.vocabSize}, 3]\`: one weight row per vocabulary token (unigrams), with the token's lexicon features folded in;
  \`s_t\` is −1 inside a negation scope (below), else 1.
- \`B\` \`[${c.buckets}, 3]\`: hashed bigrams of adjacent word pieces${c.skipBigrams ? ' and skip-bigrams of pieces two apart (key offset S)' : ''}
  (V = vocabulary size, H = ${c.buckets}, a prime). Pairs are what let the model read negations and phrases:
  "fails to", "to beat", "not expected", "cuts dividend", "shares … higher".
- \`m_t\` is 1 for an *informative* word piece and 0 for padding (\`attention_mask\` = 0), \`[CLS]\`, \`[SEP]\` and single
  letter or digit pieces — what numbers, unseen names and the random tails of URLs (\`t.co/bd0xbFGjkT\`) fall apart
  into, which carry no sentiment, only noise.
- \`g_t = m_t · pairable[id_t]\`: pairs only join informative pieces seen in training; the pieces of an unseen word
  would otherwise fall into hash buckets that real pairs use.
- **Lexicon features**: every word of the finance lexicon (\`finance-lexicon.ts\`, positive/negative/neutral) and every
  word VADER rates |valence| ≥ 0.5 shares a learned weight row per lexicon class; being linear, those rows are
  added into the words' \`U\` rows at export. A word the training set has seen a few times still gets its lexicon's say.
- **Negation**: a word piece up to ${c.negationScope} pieces after a negating word (${NEGATORS.map((n) => `"${n}"`).join(', ')})
  counts with its row's sign flipped, so "fails to beat" reads as −beat and "not expected to return to profit" as
  −profit. The real training text has few negations; this costs nothing measurable in cross-validation and gets
  the clear cases right.
- **Sum pooling**, not mean: logistic regression over n-gram counts, so a strong word ("plunge", "beats") carries the
  same evidence in a short and a long headline.
- \`token_type_ids\` is a declared input (BERT exports have it and transformers.js feeds it) that no node reads;
  onnxruntime accepts that.

The vocabulary is built from the training text and the lexicon: every character as a word start and as a \`##\`
continuation (unseen words split into pieces instead of \`[UNK]\`), whole words, and stem + \`##\`suffix splits where
both forms occur ("raise" / "raise ##s"), so inflections share their stem's weight. ${
    c.collapseNumbers
      ? `Every number (a run of digits, with
decimal points or thousands separators inside) reads as "0" before that (a \`Replace\` normalizer in \`tokenizer.json\`), so
"+4%" and "-12.5%" give "+ 0 %" and "- 0 %", which the skip-bigrams pair as "+ … %" and "- … %".`
      : 'Words with digits are split\ninto digit pieces rather than memorised.'
  }

## Training

- **Data**: \`models/src/sentiment/data/financial-news-sentiment/train.csv\`, ${f.trainingExamples} real finance news
  headlines and posts as published on social media, labelled by hand bearish / bullish / neutral, mapped to
  FinBERT's negative / positive / neutral. Source: the public "twitter-financial-news-sentiment" dataset
  published by zeroshot, **MIT license** (see that folder's README). Plus ${f.lexiconExamples} one-phrase examples
  of the finance lexicon (weight ${c.lexiconWeight}) and ${c.noEvidenceExamples} empty examples labelled neutral, so
  that a text with no known words scores neutral, as FinBERT treats absent sentiment.
- **Class weights** (N / (3 · N_class))^${c.classWeightPower}: ${SENTIMENT_LABELS.map((l) => `${l} ${f.classWeights[l]?.toFixed(3)}`).join(', ')};
  the training split is two-thirds neutral, and unweighted training under-calls the two classes that matter.
- **Optimiser**: SGD on class-weighted cross-entropy, ${c.epochs} epochs, learning rate ${c.learningRate} / (1 + ${c.learningRateDecay} · epoch)
  (bias × ${c.biasLearningRateScale}), L2 ${c.l2}, examples shuffled by a seeded PRNG (seed ${c.seed})${
    c.averageFromEpoch !== undefined ? `; averaged SGD: the weights are the mean of the end-of-epoch weights from epoch ${c.averageFromEpoch + 1} on` : ''
  }.
- **Calibration**: temperature T = ${f.temperature} from ${c.calibrationFolds}-fold out-of-fold logits (golden-section search on the log-loss),
  folded into the weights (all divided by T).
- Settings chosen by 5-fold cross-validation (macro-F1) on the training split only, repeated over three fold splits
  (\`CV_REPEATS=3 npx tsx models/src/sentiment/cross-validate.ts\`).
- Deterministic: the same data and settings give byte-identical files (tested). Training-set accuracy: ${pct(f.training.accuracy)}.

These numbers are computed by the builder's JavaScript reference scorer; the tests and \`npm run eval:sentiment\` run
the held-out split through transformers.js and onnxruntime and get the same metrics.

## Rebuild

\`\`\`
npx tsx models/src/sentiment/build.ts            # writes models/finance-sentiment/ (about a minute on 2 cores)
npx tsx models/src/sentiment/build.ts /tmp/out   # or anywhere else
npm run eval:sentiment                           # held-out metrics and both baselines, through the service loader
npx jest models/src/sentiment
\`\`\`

## Replacing it with a real FinBERT

On a machine with internet access and Python:

\`\`\`
pip install "optimum[exporters]"
optimum-cli export onnx --model ProsusAI/finbert --task text-classification models/finbert/
mkdir -p models/finbert/onnx && mv models/finbert/model.onnx models/finbert/onnx/model.onnx
\`\`\`

optimum writes \`model.onnx\` next to \`config.json\`; transformers.js looks for \`onnx/model.onnx\` (fp32), hence the
move. The folder then holds \`config.json\` (id2label positive/negative/neutral, the same label space as this
model), \`tokenizer.json\`, \`tokenizer_config.json\`, \`special_tokens_map.json\`, \`vocab.txt\` and
\`onnx/model.onnx\` (about 440 MB; keep it out of git). \`pickSentimentModelName()\` in \`classifier.ts\` prefers
\`models/finbert/\` when \`onnx/model.onnx\` is there and falls back to \`models/finance-sentiment/\`; the model id
reported with each score is then \`finbert\`. \`npm run eval:sentiment\` evaluates \`finance-sentiment\`; point it at
\`finbert\` to compare on the same held-out split.
`;
}
