// Entry of the classifier worker thread: owns the transformers.js pipeline (onnxruntime) so tokenizing
// and inference never block the service's event loop. Loads the model once, announces it, then answers
// classify requests one at a time (the main thread queues and batches them).
import { parentPort, workerData } from 'node:worker_threads';
import { loadSentimentClassifier, pickSentimentModelName } from '@aitrader/models/sentiment/classifier';
import { packScores, type ClassifierWorkerOptions, type WorkerReply, type WorkerRequest } from './protocol';

if (!parentPort) throw new Error('classifier-worker.ts must run in a worker thread');
const port = parentPort;
const options = workerData as ClassifierWorkerOptions;
const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function main(): Promise<void> {
  const started = performance.now();
  const modelName = options.modelName ?? pickSentimentModelName(options.modelsDir);
  let classifier: Awaited<ReturnType<typeof loadSentimentClassifier>>;
  try {
    classifier = await loadSentimentClassifier({ modelsDir: options.modelsDir, modelName, batchSize: options.batchSize });
  } catch (err) {
    post({ type: 'failed', error: message(err) });
    return;
  }
  port.on('message', (request: WorkerRequest) => {
    if (request.type !== 'classify') return;
    classifier.classify(request.texts).then(
      (scores) => {
        const packed = packScores(scores);
        post({ type: 'result', id: request.id, scores: packed }, [packed.labels.buffer as ArrayBuffer, packed.probabilities.buffer as ArrayBuffer]);
      },
      (err: unknown) => post({ type: 'error', id: request.id, error: message(err) }),
    );
  });
  post({ type: 'ready', modelId: classifier.modelId, modelName, loadMs: Math.round(performance.now() - started) });
}

void main();
