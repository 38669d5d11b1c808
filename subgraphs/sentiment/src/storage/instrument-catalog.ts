// The platform's instruments as the sentiment service needs them: the known tickers (for validation)
// and a symbol tagger over their names. Read from the `instruments` table (seeded by marketdata) and
// refreshed now and then, and sooner when a symbol it does not know is asked for (marketdata may have
// seeded the table after this service started). Nothing is hard-coded.
import type { PrismaClient } from '@aitrader/prisma';
import { createSymbolTagger, type InstrumentRef, type SymbolTagger } from '../domain';

export interface InstrumentSnapshot {
  symbols: ReadonlySet<string>;
  instruments: readonly InstrumentRef[];
  tagger: SymbolTagger;
  loadedAt: number;
}

export class InstrumentCatalog {
  private snapshot: InstrumentSnapshot | undefined;
  private loading: Promise<InstrumentSnapshot> | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: { maxAgeMs?: number; retryUnknownAfterMs?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private load(): Promise<InstrumentSnapshot> {
    this.loading ??= (async () => {
      try {
        const rows = await this.prisma.instrument.findMany({ where: { active: true }, select: { symbol: true, name: true }, orderBy: { symbol: 'asc' } });
        const instruments = rows.map((r) => ({ symbol: r.symbol.toUpperCase(), name: r.name }));
        this.snapshot = { symbols: new Set(instruments.map((i) => i.symbol)), instruments, tagger: createSymbolTagger(instruments), loadedAt: this.now() };
        return this.snapshot;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  /** The current instruments (loaded on first use, reloaded when older than maxAgeMs, default 60 s). */
  async get(): Promise<InstrumentSnapshot> {
    const s = this.snapshot;
    if (s && this.now() - s.loadedAt < (this.options.maxAgeMs ?? 60_000)) return s;
    return this.load();
  }

  /**
   * The instruments, reloaded first when one of `symbols` is unknown and the last load is older than
   * retryUnknownAfterMs (default 2 s), so a newly listed instrument is usable at once and a stream of
   * bad symbols cannot turn every request into a query.
   */
  async covering(symbols: Iterable<string>): Promise<InstrumentSnapshot> {
    const s = await this.get();
    const missing = [...symbols].some((sym) => !s.symbols.has(sym.trim().toUpperCase()));
    if (missing && this.now() - s.loadedAt >= (this.options.retryUnknownAfterMs ?? 2_000)) return this.load();
    return s;
  }
}
