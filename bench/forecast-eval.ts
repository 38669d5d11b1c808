// `npm run eval:forecast`: what the served N-BEATS version (models/nbeats/nbeats-bootstrap.onnx, run by
// onnxruntime-node as the inference runners run it) is worth on real 1-minute prices. On the real file
// models/src/nbeats/data/bitstamp-btcusd-1m.csv (Bitstamp BTC/USD, see its README) it scores, per horizon
// step and in one run: the model, naive (last price), seasonal naive over an hour (60 bars) and over a day
// (1440 bars); MAE, MASE and error relative to naive; how often the model's error band (the one its
// confidence is built from) covers the outcome; and the confidence the service would report (its own
// formula, subgraphs/inference/src/domain/confidence.ts) next to the direction hit rate it should track.
// For comparison it also trains the previous recipe (the synthetic-series bootstrap) and scores it the same
// way. Writes bench/results/forecast-eval.json. No database or Redis needed; ~10 s on 2 cores.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { BOOTSTRAP_FILE, BOOTSTRAP_TRAINING, SYNTHETIC_CORPUS } from '../models/src/nbeats/build-bootstrap';
import { splitChronologically, syntheticSeries, type Windows } from '../models/src/nbeats/data';
import { BITSTAMP_BARS_FILE } from '../models/src/nbeats/data/make-bitstamp-bars';
import { bandCoverage, seasonalNaiveForecast, stepScores, type StepScores } from '../models/src/nbeats/forecast-eval';
import { naiveOneStepMae } from '../models/src/nbeats/metrics';
import { readOhlcvCsv } from '../models/src/nbeats/ohlcv';
import { ONNX_INPUT_NAME, ONNX_OUTPUT_NAME, readOnnxMetadata } from '../models/src/nbeats/onnx-export';
import { predict } from '../models/src/nbeats/predict';
import { train } from '../models/src/nbeats/train';
// Read-only use of the service's confidence, so this measures exactly what /infer/forecast reports.
import { errorBand, forecastConfidence, realisedVolatility } from '../subgraphs/inference/src/domain/confidence';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'bench', 'results', 'forecast-eval.json');
const HOUR = 60;
const DAY = 1440;
const BATCH = 512;
const CONFIDENCE_BINS = [0, 0.01, 0.1, 0.3, 0.5, 1.000001];

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
const r4s = (xs: readonly number[]) => xs.map(r4);

interface ValidationMetrics {
  stepRelRmse: number[];
  relativeToNaive: number;
}

/** What a served model says about each window, judged against what happened. */
function judge(windows: Windows, predicted: Float64Array, metrics: ValidationMetrics, maseScale: number) {
  const { lookback, horizon } = windows;
  const history = (w: number) => Array.from(windows.inputs.subarray(w * lookback, (w + 1) * lookback));
  const vol = Array.from({ length: windows.count }, (_, w) => realisedVolatility(history(w)));
  const band = (w: number, j: number) => errorBand({ stepRelRmse: metrics.stepRelRmse[j]!, relativeToNaive: metrics.relativeToNaive, volatility: vol[w]!, step: j + 1 });
  const confidence: number[][] = Array.from({ length: windows.count }, (_, w) =>
    forecastConfidence({ history: history(w), forecast: Array.from(predicted.subarray(w * horizon, (w + 1) * horizon)), metrics }),
  );
  // Direction: does the price at step h end on the side of the last price the forecast said?
  const hits = new Array<number>(horizon).fill(0);
  const called = new Array<number>(horizon).fill(0);
  const bins = CONFIDENCE_BINS.slice(1).map(() => ({ n: 0, confidence: 0, hits: 0 }));
  for (let w = 0; w < windows.count; w++) {
    const last = windows.inputs[w * lookback + lookback - 1]!;
    for (let j = 0; j < horizon; j++) {
      const said = Math.sign(predicted[w * horizon + j]! - last);
      const was = Math.sign(windows.targets[w * horizon + j]! - last);
      if (said === 0 || was === 0) continue;
      called[j]! += 1;
      const hit = said === was ? 1 : 0;
      hits[j]! += hit;
      const c = confidence[w]![j]!;
      const bin = bins[CONFIDENCE_BINS.findIndex((edge, b) => c >= edge && c < CONFIDENCE_BINS[b + 1]!)]!;
      bin.n += 1;
      bin.confidence += c;
      bin.hits += hit;
    }
  }
  const meanConfidence = Array.from({ length: horizon }, (_, j) => confidence.reduce((s, c) => s + c[j]!, 0) / windows.count);
  const scores: StepScores = stepScores(predicted, windows, maseScale);
  return {
    ...scores,
    band_coverage: {
      note: 'share of outcomes with |forecast / actual − 1| ≤ k × the error band the confidence uses (max(validation per-step relative RMSE, relativeToNaive · σ · √h))',
      within_1_band: { nominal: 0.6827, ...(({ perStep, overall }) => ({ per_step: r4s(perStep), overall: r4(overall) }))(bandCoverage(predicted, windows, band, 1)) },
      within_1_96_bands: { nominal: 0.95, ...(({ perStep, overall }) => ({ per_step: r4s(perStep), overall: r4(overall) }))(bandCoverage(predicted, windows, band, 1.96)) },
    },
    confidence: {
      note: 'confidence_h as the service reports it; a calibrated one tracks 2 × P(right direction) − 1, i.e. ≈ 0 when the direction is a coin flip',
      mean_per_step: r4s(meanConfidence),
      direction_hit_rate_per_step: r4s(hits.map((h, j) => h / Math.max(1, called[j]!))),
      implied_by_hit_rate_per_step: r4s(hits.map((h, j) => 2 * (h / Math.max(1, called[j]!)) - 1)),
      by_confidence: bins
        .map((b, i) => ({ confidence: `${CONFIDENCE_BINS[i]}–${Math.min(1, CONFIDENCE_BINS[i + 1]!)}`, n: b.n, mean_confidence: b.n ? r4(b.confidence / b.n) : null, hit_rate: b.n ? r4(b.hits / b.n) : null }))
        .filter((b) => b.n > 0),
    },
  };
}

async function onnxForecasts(bytes: Uint8Array, windows: Windows): Promise<Float64Array> {
  const session = await InferenceSession.create(Buffer.from(bytes));
  const out = new Float64Array(windows.count * windows.horizon);
  try {
    for (let start = 0; start < windows.count; start += BATCH) {
      const n = Math.min(BATCH, windows.count - start);
      const input = Float32Array.from(windows.inputs.subarray(start * windows.lookback, (start + n) * windows.lookback));
      const result = await session.run({ [ONNX_INPUT_NAME]: new Tensor('float32', input, [n, windows.lookback]) });
      out.set(result[ONNX_OUTPUT_NAME]!.data as Float32Array, start * windows.horizon);
    }
  } finally {
    await session.release();
  }
  return out;
}

function stepTable(rows: Array<[string, number[]]>, label: string): string[] {
  const horizon = rows[0]?.[1].length ?? 0;
  return [
    `${label.padEnd(28)}${Array.from({ length: horizon }, (_, j) => `h=${j + 1}`.padStart(8)).join('')}`,
    ...rows.map(([name, xs]) => `${name.padEnd(28)}${xs.map((x) => x.toFixed(3).padStart(8)).join('')}`),
  ];
}

async function main(): Promise<void> {
  const file = readOhlcvCsv(BITSTAMP_BARS_FILE);
  const { series } = file;
  const { lookback, horizon } = BOOTSTRAP_TRAINING as { lookback: number; horizon: number };
  // The same chronological split the bootstrap recipe trains with: only its test segment is scored, so a
  // model trained on this file is judged on prices it never trained on nor early-stopped on.
  const split = splitChronologically(series, { lookback, horizon, validationFraction: 0.15, testFraction: 0.15 });
  const windows = split.test;
  const maseScale = naiveOneStepMae(series.subarray(0, split.trainEnd));

  const bytes = new Uint8Array(readFileSync(BOOTSTRAP_FILE));
  const meta = readOnnxMetadata(bytes);
  if (!meta.validation || !meta.perStepRelativeRmse) throw new Error('the served model carries no validation metrics');
  const served = await onnxForecasts(bytes, windows);
  const servedMetrics = { stepRelRmse: meta.perStepRelativeRmse, relativeToNaive: meta.validation.relativeToNaive };

  // The previous bootstrap recipe (synthetic series), rebuilt the same deterministic way, for comparison.
  const synthetic = train({ ...BOOTSTRAP_TRAINING, series: syntheticSeries(SYNTHETIC_CORPUS) });
  const histories = Array.from({ length: windows.count }, (_, w) => windows.inputs.subarray(w * lookback, (w + 1) * lookback));
  const syntheticForecasts = Float64Array.from(predict(synthetic.model, histories).flat());
  const syntheticMetrics = { stepRelRmse: synthetic.metrics.validation.perStepRelativeRmse, relativeToNaive: synthetic.metrics.validation.relativeToNaive };

  const baselines = {
    naive: stepScores(Float64Array.from({ length: windows.count * horizon }, (_, i) => windows.inputs[Math.floor(i / horizon) * lookback + lookback - 1]!), windows, maseScale),
    seasonal_naive_1h: stepScores(seasonalNaiveForecast(series, windows, HOUR), windows, maseScale),
    seasonal_naive_1d: stepScores(seasonalNaiveForecast(series, windows, DAY), windows, maseScale),
  };
  const servedJudged = judge(windows, served, servedMetrics, maseScale);
  const syntheticJudged = judge(windows, syntheticForecasts, syntheticMetrics, maseScale);
  const tidy = (s: StepScores) => ({ mae_per_step: r4s(s.mae), mase_per_step: r4s(s.mase), relative_to_naive_per_step: r4s(s.relativeToNaive), overall: { mae: r4(s.overall.mae), mase: r4(s.overall.mase), relative_to_naive: r4(s.overall.relativeToNaive) } });
  const first = file.bars[0]!.time;
  const testStart = file.bars[split.validationEnd]!.time;
  const result = {
    generated_by: 'npm run eval:forecast (bench/forecast-eval.ts)',
    data: {
      file: 'models/src/nbeats/data/bitstamp-btcusd-1m.csv',
      source: 'Bitstamp BTC/USD trades in org.ta4j:ta4j-examples:0.15 (MIT), aggregated to 1-minute bars',
      bars: series.length,
      from: new Date(first).toISOString(),
      to: new Date(file.bars[file.bars.length - 1]!.time).toISOString(),
      scored_segment: { from: new Date(testStart).toISOString(), windows: windows.count, note: 'the last 15 % (test split of the bootstrap recipe); windows of 60 → 10' },
      mase_scale: r4(maseScale),
      mase_scale_note: 'mean |y_t − y_{t−1}| over the first 70 % (the training segment), in USD',
    },
    served_model: {
      file: 'models/nbeats/nbeats-bootstrap.onnx',
      version: meta.version,
      trained_on: meta.properties['aitrader.data'] ?? null,
      validation_relative_to_naive: r4(meta.validation.relativeToNaive),
      ...tidy(servedJudged),
      band_coverage: servedJudged.band_coverage,
      confidence: servedJudged.confidence,
    },
    baselines: Object.fromEntries(Object.entries(baselines).map(([k, v]) => [k, tidy(v)])),
    previous_recipe_synthetic_bootstrap: {
      note: 'the bootstrap as it was built before: trained on syntheticSeries, its confidence from its synthetic validation metrics',
      validation_relative_to_naive_on_synthetic: r4(synthetic.metrics.validation.relativeToNaive),
      ...tidy(syntheticJudged),
      band_coverage: syntheticJudged.band_coverage,
      confidence: syntheticJudged.confidence,
    },
    beats_naive: servedJudged.overall.relativeToNaive < 1,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);

  const c = servedJudged.confidence;
  console.log(
    [
      `forecast evaluation on ${result.data.file}: ${series.length} one-minute bars ${result.data.from} → ${result.data.to}`,
      `scored: ${windows.count} windows (60 → 10) with targets from ${result.data.scored_segment.from} (the test split); MASE scale ${maseScale.toFixed(3)} USD`,
      `served model ${meta.version} (trained on ${result.served_model.trained_on})`,
      '',
      ...stepTable(
        [
          ['served N-BEATS', servedJudged.relativeToNaive],
          ['seasonal naive (1 h)', baselines.seasonal_naive_1h.relativeToNaive],
          ['seasonal naive (1 day)', baselines.seasonal_naive_1d.relativeToNaive],
          ['synthetic bootstrap (prev.)', syntheticJudged.relativeToNaive],
        ],
        'MAE relative to naive',
      ),
      '',
      ...stepTable(
        [
          ['served N-BEATS', servedJudged.mase],
          ['naive', baselines.naive.mase],
          ['seasonal naive (1 h)', baselines.seasonal_naive_1h.mase],
          ['seasonal naive (1 day)', baselines.seasonal_naive_1d.mase],
          ['synthetic bootstrap (prev.)', syntheticJudged.mase],
        ],
        'MASE',
      ),
      '',
      `overall: served MASE ${servedJudged.overall.mase.toFixed(3)}, relative to naive ${servedJudged.overall.relativeToNaive.toFixed(3)}; naive MASE ${baselines.naive.overall.mase.toFixed(3)}; seasonal naive 1 h ${baselines.seasonal_naive_1h.overall.relativeToNaive.toFixed(3)} × naive, 1 day ${baselines.seasonal_naive_1d.overall.relativeToNaive.toFixed(3)} × naive`,
      `error band coverage (served): ${(servedJudged.band_coverage.within_1_band.overall * 100).toFixed(1)} % within 1 band (nominal 68.3 %), ${(servedJudged.band_coverage.within_1_96_bands.overall * 100).toFixed(1)} % within 1.96 bands (nominal 95 %)`,
      `confidence (served): mean ${c.mean_per_step.map((x) => x.toFixed(3)).join(' ')}; direction hit rate ${c.direction_hit_rate_per_step.map((x) => x.toFixed(3)).join(' ')}`,
      `confidence (previous synthetic bootstrap): mean ${syntheticJudged.confidence.mean_per_step.map((x) => x.toFixed(3)).join(' ')}; hit rate ${syntheticJudged.confidence.direction_hit_rate_per_step.map((x) => x.toFixed(3)).join(' ')}; band coverage ${(syntheticJudged.band_coverage.within_1_band.overall * 100).toFixed(1)} % / ${(syntheticJudged.band_coverage.within_1_96_bands.overall * 100).toFixed(1)} %`,
      result.beats_naive ? 'the served model beats naive on real 1-minute prices' : 'the served model does NOT beat naive on real 1-minute prices',
      `wrote ${OUT.replace(`${ROOT}/`, '')}`,
    ].join('\n'),
  );
}

main().catch((err: Error) => {
  console.error(`eval:forecast failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
