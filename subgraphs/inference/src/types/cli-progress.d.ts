// The part of cli-progress 3.12 (no bundled types, no @types package installed) that train-cli.ts uses.
declare module 'cli-progress' {
  export interface Options {
    format?: string;
    hideCursor?: boolean;
    clearOnComplete?: boolean;
    stopOnComplete?: boolean;
    stream?: NodeJS.WritableStream;
    noTTYOutput?: boolean;
    notTTYSchedule?: number;
  }
  export interface Preset {
    barCompleteChar: string;
    barIncompleteChar: string;
  }
  export class SingleBar {
    constructor(options: Options, preset?: Preset);
    start(total: number, startValue: number, payload?: Record<string, unknown>): void;
    update(value: number, payload?: Record<string, unknown>): void;
    stop(): void;
  }
  export const Presets: { shades_classic: Preset; rect: Preset; legacy: Preset };
}
