// The README.md model card written next to the built model: what it is, how it was built, how well it
// does on the held-out set, and how to replace it with a real FinBERT export.
import { SENTIMENT_LABELS } from './labels';
import { ClassificationMetrics } from './metrics';
import { SentimentTrainingConfig } from './train';

export interface ModelCardFacts {
  name: string;
  version: string;
  vocabSize: number;
  config: SentimentTrainingConfig;
  trainingExamples: number;
  lexiconExamples: number;
  training: ClassificationMetrics;
  heldout: ClassificationMetrics;
  fileSizes: ReadonlyArray<{ path: string; bytes: number }>;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

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
  return `# ${f.name} ${f.version}

The AITrader platform's own finance-headline sentiment classifier. It is **not FinBERT**: it is a small
linear model, built and trained from scratch by \`models/src/sentiment/build.ts\`, that ships in FinBERT's
exact folder layout and label space so the platform loads it, and a real FinBERT export, through the same
code (\`models/src/sentiment/classifier.ts\`, transformers.js \`text-classification\` pipeline, offline).

Labels (FinBERT's \`id2label\`): \`0: positive\`, \`1: negative\`, \`2: neutral\`.

## Files

| file | bytes |
|---|---|
${files}

- \`config.json\`: \`model_type: bert\`, \`BertForSequenceClassification\`, id2label/label2id; the \`aitrader\` block
  records that this is the platform's model, its version, architecture, training settings and metrics.
- \`tokenizer.json\`, \`tokenizer_config.json\`, \`special_tokens_map.json\`, \`vocab.txt\`: a BERT-uncased WordPiece tokenizer
  (BertNormalizer lowercase, BertPreTokenizer, \`[CLS] $A [SEP]\`) with a ${f.vocabSize}-token vocabulary.
- \`onnx/model.onnx\`: inputs \`input_ids\`, \`attention_mask\`, \`token_type_ids\` (int64 \`[batch, sequence]\`),
  output \`logits\` (float32 \`[batch, 3]\`); ONNX opset 13, standard operators only.

## Model

Softmax regression over WordPiece n-grams:

\`\`\`
logits = Σ_t m_t · U[id_t]  +  Σ_t g_t · g_{t+1} · B[(id_t · V + id_{t+1}) mod H]  +  bias
\`\`\`

- \`U\` \`[${f.vocabSize}, 3]\`: one weight row per vocabulary token (unigrams).
- \`B\` \`[${c.buckets}, 3]\`: hashed bigrams of adjacent word pieces (V = vocabulary size, H = ${c.buckets}, a prime).
  Bigrams are what let the model read negations and phrases: "fails to", "to beat", "not expected", "cuts dividend".
- \`m_t\` is 1 for a word piece and 0 for padding (\`attention_mask\` = 0), \`[CLS]\` and \`[SEP]\`, so a text's
  scores do not depend on how much padding its batch needed.
- \`g_t = m_t · seen[id_t]\`: bigrams only pair tokens that occur in the training data. An unseen word splits
  into character pieces with no weight of their own; their pairs would otherwise fall into hash buckets that
  real bigrams use and add noise to headlines full of new names.
- **Sum pooling**, not mean: this is logistic regression over n-gram counts, so a strong word ("plunge",
  "beats") carries the same evidence in a short and a long headline; mean pooling would dilute it by length.
  Headlines are short, so sums stay in a sensible range.
- \`token_type_ids\` is a declared input (BERT exports have it and transformers.js feeds it) that no node reads;
  onnxruntime accepts that.

The vocabulary is built from the training headlines and the lexicon: every character as a word start and as a
\`##\` continuation (unseen words split into pieces instead of \`[UNK]\`), whole words, and stem + \`##\`suffix
splits where both forms occur ("raise" / "raise ##s"), so inflections share their stem's weight. Words with
digits are split into digit pieces rather than memorised.

## Training

- Data: \`models/src/sentiment/data/labelled.ndjson\` (${f.trainingExamples} hand-written finance headlines,
  balanced across the three classes: earnings beats/misses, guidance, rating changes, lawsuits, fines, layoffs,
  buybacks, dividends, deals, launches, scheduling and appointments, negations such as "fails to beat")
  plus ${f.lexiconExamples} entries of a small hand-written finance lexicon (\`finance-lexicon.ts\`), each a
  one-phrase example with weight ${c.lexiconWeight}, plus ${c.noEvidenceExamples} empty examples labelled neutral, so that a
  text with no known words (empty, or only unseen names) scores neutral, as FinBERT treats absent sentiment.
- Optimiser: SGD on cross-entropy, ${c.epochs} epochs, learning rate ${c.learningRate} / (1 + ${c.learningRateDecay} · epoch),
  L2 ${c.l2}, examples shuffled by a seeded PRNG (seed ${c.seed}). Settings chosen by 5-fold cross-validation on
  the training set only (\`npx tsx models/src/sentiment/cross-validate.ts\`).
- Deterministic: the same data and settings give byte-identical files (tested).
- Training-set accuracy: ${pct(f.training.accuracy)}.

## Held-out evaluation

\`models/src/sentiment/data/heldout.ndjson\`: ${f.heldout.examples} headlines written separately, never trained on
and not used to build the vocabulary. **Accuracy ${pct(f.heldout.accuracy)}.**

${metricsTable(f.heldout)}

${confusionTable(f.heldout)}

These numbers are computed by the builder's JavaScript reference scorer; the tests run the same set through
transformers.js and onnxruntime. The held-out headlines are written in the same style as the training set, so
expect lower accuracy on real news (long sentences, sarcasm, domain words the vocabulary has never seen).

## Rebuild

\`\`\`
npx tsx models/src/sentiment/build.ts            # writes models/finance-sentiment/
npx tsx models/src/sentiment/build.ts /tmp/out   # or anywhere else
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
reported with each score is then \`finbert\`.
`;
}
