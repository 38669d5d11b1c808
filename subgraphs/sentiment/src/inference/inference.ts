// The sentiment service's classifier: one interface with two engines — a worker thread that owns the
// transformers.js pipeline (default; inference never blocks the event loop) and an in-process one (for
// comparison and for hosts where a worker cannot start). Both sit behind a bounded queue: requests wait
// in order, small ones are coalesced into one model call, and past the limit new work is refused.
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@aitrader/platform';
import { unpackScores, type ClassifierWorkerOptions, type SentimentScore, type WorkerReply, type WorkerRequest } from './protocol';

/** idle: nothing loaded yet (loading starts on ready() or the first classify()). */
export type InferenceState = 'idle' | 'loading' | 'ready' | 'failed' | 'closed';

export interface InferenceStats {
  mode: 'worker' | 'inline';
  state: InferenceState;
  modelId: string | null;
  modelName: string | null;
  loadMs: number | null;
  error: string | null;
  /** Texts waiting for the model (not counting the call in flight). */
  queuedTexts: number;
  queueLimit: number;
  /** Texts classified since start. */
  classified: number;
  /** Model calls made (each may serve several coalesced requests). */
  calls: number;
  /** Times the worker died and was replaced. */
  restarts: number;
}

export interface SentimentInference {
  readonly mode: 'worker' | 'inline';
  /** Loads the model (once; the first call starts it) and resolves when it is loaded, rejects when it cannot be. */
  ready(): Promise<{ modelId: string }>;
  /** The loaded model's id, e.g. "finance-sentiment@1.0.0"; null until loaded. */
  modelId(): string | null;
  /** One score per text, in order. Rejects with InferenceBusyError when the queue is full. */
  classify(texts: readonly string[]): Promise<SentimentScore[]>;
  stats(): InferenceStats;
  close(): Promise<void>;
}

export interface InferenceOptions {
  mode: 'worker' | 'inline';
  modelsDir: string;
  modelName?: string | undefined;
  batchSize: number;
  /** Most texts allowed to wait; a request that would go past it is refused. */
  queueLimit: number;
  /** Most texts coalesced into one model call (a larger single request still goes whole). */
  maxTextsPerCall?: number;
  logger?: Logger;
}

/** The queue is full: the caller should retry later. */
export class InferenceBusyError extends Error {
  readonly code = 'INFERENCE_BUSY';
  override readonly name = 'InferenceBusyError';
}

/** The model is not loaded (failed to load, worker died, or closed). */
export class InferenceUnavailableError extends Error {
  readonly code = 'INFERENCE_UNAVAILABLE';
  override readonly name = 'InferenceUnavailableError';
}

/** What actually runs the model: one call at a time. */
interface Engine {
  load(): Promise<{ modelId: string; modelName: string; loadMs: number }>;
  run(texts: string[]): Promise<SentimentScore[]>;
  close(): Promise<void>;
}

interface Pending {
  texts: string[];
  resolve: (scores: SentimentScore[]) => void;
  reject: (err: Error) => void;
}

const DEFAULT_MAX_TEXTS_PER_CALL = 256;
/** Worker deaths survived (each followed by a fresh worker) before the classifier is marked failed. */
const MAX_RESTARTS = 3;
/** Longest a model may take to load (a real FinBERT takes seconds; the shipped model well under one). */
const LOAD_TIMEOUT_MS = 120_000;

/** Bounded FIFO in front of an engine; coalesces queued requests into calls of up to maxTextsPerCall texts. */
class QueuedInference implements SentimentInference {
  private state: InferenceState = 'idle';
  private model: { modelId: string; modelName: string; loadMs: number } | null = null;
  private error: string | null = null;
  private readonly queue: Pending[] = [];
  private queuedTexts = 0;
  private busy = false;
  private classified = 0;
  private calls = 0;
  private restarts = 0;
  private loading: Promise<{ modelId: string }> | undefined;

  constructor(
    readonly mode: 'worker' | 'inline',
    private readonly engine: Engine,
    private readonly options: InferenceOptions,
  ) {}

  /** Starts loading the model on first call; every call returns the same promise. */
  ready(): Promise<{ modelId: string }> {
    if (this.state === 'closed') return Promise.reject(new InferenceUnavailableError('sentiment classifier closed'));
    this.loading ??= this.load();
    return this.loading;
  }

  private load(): Promise<{ modelId: string }> {
    const { engine, mode, options } = this;
    this.state = 'loading';
    const loading = engine.load().then(
      (model) => {
        this.model = model;
        if (this.state === 'loading') this.state = 'ready';
        options.logger?.info({ model: model.modelId, mode, loadMs: model.loadMs }, 'sentiment model loaded');
        this.pump();
        return { modelId: model.modelId };
      },
      (err: Error) => {
        this.fail(err.message);
        throw new InferenceUnavailableError(`sentiment model failed to load: ${err.message}`);
      },
    );
    loading.catch(() => undefined); // observed through ready() / classify()
    return loading;
  }

  modelId() {
    return this.model?.modelId ?? null;
  }

  classify(texts: readonly string[]): Promise<SentimentScore[]> {
    if (texts.length === 0) return Promise.resolve([]);
    if (this.state === 'failed' || this.state === 'closed') {
      return Promise.reject(new InferenceUnavailableError(`sentiment model unavailable: ${this.error ?? this.state}`));
    }
    if (this.queuedTexts + texts.length > this.options.queueLimit) {
      return Promise.reject(new InferenceBusyError(`classifier queue full (${this.queuedTexts} texts waiting, limit ${this.options.queueLimit})`));
    }
    void this.ready().catch(() => undefined); // loads on first use when start() did not
    return new Promise((resolve, reject) => {
      this.queue.push({ texts: [...texts], resolve, reject });
      this.queuedTexts += texts.length;
      this.pump();
    });
  }

  stats(): InferenceStats {
    return {
      mode: this.mode,
      state: this.state,
      modelId: this.model?.modelId ?? null,
      modelName: this.model?.modelName ?? null,
      loadMs: this.model?.loadMs ?? null,
      error: this.error,
      queuedTexts: this.queuedTexts,
      queueLimit: this.options.queueLimit,
      classified: this.classified,
      calls: this.calls,
      restarts: this.restarts,
    };
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.rejectQueued(new InferenceUnavailableError('sentiment classifier closed'));
    await this.engine.close();
  }

  /**
   * The worker died after loading (a crash in native code, out of memory): requests in flight fail, the
   * queued ones wait while a fresh worker loads the model; after MAX_RESTARTS the classifier gives up.
   */
  engineDied(reason: string): void {
    if (this.state === 'closed' || this.state === 'failed') return;
    this.restarts += 1;
    this.options.logger?.error({ reason, restarts: this.restarts }, 'sentiment classifier worker died');
    if (this.restarts > MAX_RESTARTS) return this.fail(`classifier worker died ${this.restarts} times; last: ${reason}`);
    this.loading = this.load();
  }

  /** The engine could not load (or died too often): everything waiting fails, and so does everything after. */
  fail(reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'failed';
    this.error = reason;
    this.rejectQueued(new InferenceUnavailableError(`sentiment model unavailable: ${reason}`));
  }

  private rejectQueued(err: Error): void {
    for (const p of this.queue.splice(0)) p.reject(err);
    this.queuedTexts = 0;
  }

  private pump(): void {
    if (this.busy || this.state !== 'ready' || this.queue.length === 0) return;
    const max = this.options.maxTextsPerCall ?? DEFAULT_MAX_TEXTS_PER_CALL;
    const batch: Pending[] = [this.queue.shift()!];
    let size = batch[0]!.texts.length;
    while (this.queue.length > 0 && size + this.queue[0]!.texts.length <= max) {
      const next = this.queue.shift()!;
      batch.push(next);
      size += next.texts.length;
    }
    this.queuedTexts -= size;
    this.busy = true;
    this.calls += 1;
    this.engine.run(batch.flatMap((p) => p.texts)).then(
      (scores) => {
        if (scores.length !== size) throw new Error(`classifier returned ${scores.length} scores for ${size} texts`);
        this.classified += size;
        let offset = 0;
        for (const p of batch) {
          p.resolve(scores.slice(offset, offset + p.texts.length));
          offset += p.texts.length;
        }
      },
    ).catch((err: Error) => {
      for (const p of batch) p.reject(err instanceof InferenceUnavailableError ? err : new InferenceUnavailableError(`classification failed: ${err.message}`));
    }).finally(() => {
      this.busy = false;
      this.pump();
    });
  }
}

/**
 * Code a worker runs to load the TypeScript worker module: the service itself runs TypeScript through
 * tsx (npm start, docker) or @swc/jest (tests), neither of which a fresh worker thread inherits, so the
 * worker registers tsx's CommonJS hook first. A compiled build (.js) is loaded directly.
 */
function workerEntry(): { source: string; eval: boolean } {
  const ext = extname(__filename);
  const file = join(__dirname, `classifier-worker${ext}`);
  if (ext === '.js') return { source: file, eval: false };
  const tsx = require.resolve('tsx/cjs/api');
  return { source: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, eval: true };
}

class WorkerEngine implements Engine {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly calls = new Map<number, { resolve: (s: SentimentScore[]) => void; reject: (e: Error) => void }>();
  private closing = false;
  onDeath: (reason: string) => void = () => undefined;

  constructor(private readonly options: ClassifierWorkerOptions) {}

  load() {
    const entry = workerEntry();
    const worker = new Worker(entry.source, { eval: entry.eval, execArgv: [], workerData: this.options, name: 'sentiment-classifier' });
    this.worker = worker;
    return new Promise<{ modelId: string; modelName: string; loadMs: number }>((resolve, reject) => {
      let loaded = false;
      const timer = setTimeout(() => {
        reject(new Error(`model did not load within ${LOAD_TIMEOUT_MS / 1000} s`));
        void worker.terminate();
      }, LOAD_TIMEOUT_MS);
      timer.unref();
      worker.on('message', (reply: WorkerReply) => {
        switch (reply.type) {
          case 'ready':
            loaded = true;
            clearTimeout(timer);
            this.settled();
            resolve({ modelId: reply.modelId, modelName: reply.modelName, loadMs: reply.loadMs });
            break;
          case 'failed':
            clearTimeout(timer);
            reject(new Error(reply.error));
            void worker.terminate();
            break;
          case 'result':
            this.calls.get(reply.id)?.resolve(unpackScores(reply.scores));
            this.calls.delete(reply.id);
            this.settled();
            break;
          case 'error':
            this.calls.get(reply.id)?.reject(new Error(reply.error));
            this.calls.delete(reply.id);
            this.settled();
            break;
        }
      });
      const died = (reason: string) => {
        for (const call of this.calls.values()) call.reject(new InferenceUnavailableError(`classifier worker stopped: ${reason}`));
        this.calls.clear();
        if (!loaded) reject(new Error(reason));
        else if (!this.closing) this.onDeath(reason);
      };
      worker.on('error', (err) => {
        clearTimeout(timer);
        died(err.message);
      });
      worker.on('exit', (code) => died(`exited with code ${code}`));
    });
  }

  run(texts: string[]) {
    const worker = this.worker;
    if (!worker) return Promise.reject(new InferenceUnavailableError('classifier worker not started'));
    const id = this.nextId++;
    worker.ref(); // a reply is awaited: keep the process alive for it
    return new Promise<SentimentScore[]>((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      const request: WorkerRequest = { type: 'classify', id, texts };
      worker.postMessage(request);
    });
  }

  /**
   * Idle, the worker does not keep the process alive (a service that was never closed, e.g. in a test
   * that failed, cannot hang its process); while a load or a call is pending it does.
   */
  private settled(): void {
    if (this.calls.size === 0) this.worker?.unref();
  }

  async close() {
    this.closing = true;
    await this.worker?.terminate();
  }
}

type LoadedClassifier = { modelId: string; classify(texts: readonly string[]): Promise<SentimentScore[]>; dispose(): Promise<void> };

class InlineEngine implements Engine {
  private classifier: LoadedClassifier | undefined;
  private loading: Promise<unknown> | undefined;

  constructor(private readonly options: ClassifierWorkerOptions) {}

  load() {
    const loading = (async () => {
      const started = performance.now();
      // Required here, not at the top: in worker mode the main thread never loads transformers.js.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const models = require('@aitrader/models/sentiment/classifier') as typeof import('@aitrader/models/sentiment/classifier');
      const modelName = this.options.modelName ?? models.pickSentimentModelName(this.options.modelsDir);
      this.classifier = await models.loadSentimentClassifier({ modelsDir: this.options.modelsDir, modelName, batchSize: this.options.batchSize });
      return { modelId: this.classifier.modelId, modelName, loadMs: Math.round(performance.now() - started) };
    })();
    this.loading = loading;
    return loading;
  }

  run(texts: string[]) {
    if (!this.classifier) return Promise.reject(new InferenceUnavailableError('classifier not loaded'));
    return this.classifier.classify(texts);
  }

  async close() {
    await this.loading?.catch(() => undefined); // a load cannot be aborted: let it finish, then release it
    await this.classifier?.dispose();
    this.classifier = undefined;
  }
}

/** The classifier (worker or in-process); nothing loads until ready() or the first classify(). */
export function createSentimentInference(options: InferenceOptions): SentimentInference {
  const engineOptions: ClassifierWorkerOptions = { modelsDir: options.modelsDir, modelName: options.modelName, batchSize: options.batchSize };
  if (options.mode === 'inline') return new QueuedInference('inline', new InlineEngine(engineOptions), options);
  const engine = new WorkerEngine(engineOptions);
  const inference = new QueuedInference('worker', engine, options);
  engine.onDeath = (reason) => inference.engineDied(reason);
  return inference;
}
