// The generated Prisma Client (engine-free, @prisma/adapter-pg) against a migrated throwaway database:
// unique constraints surface as P2002, Decimal/enum/array/JSON round-trips, cascades, and the seed's
// raw SQL on `executions` works verbatim. Needs `npm run generate --workspace prisma` first.
import { Client } from 'pg';
import { applyMigrations, createPrismaClient, OrderSide, Prisma, type PrismaClient } from '../../../prisma/src';
import { createThrowawayDatabase, MIGRATIONS_DIR, withClient, type ThrowawayDatabase } from './support';

const SEED_QUERY = "SELECT * FROM executions WHERE symbol='AAPL' ORDER BY created_at DESC LIMIT 5;";

async function expectPrismaCode(promise: Promise<unknown>, code: string): Promise<Prisma.PrismaClientKnownRequestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe(code);
    return error as Prisma.PrismaClientKnownRequestError;
  }
  throw new Error(`expected Prisma error ${code}`);
}

describe('Prisma Client on the migrated schema', () => {
  let db: ThrowawayDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createThrowawayDatabase('client');
    await applyMigrations({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR });
    prisma = createPrismaClient(db.url);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  const newAccount = (name: string) =>
    prisma.account.create({ data: { name, cash: new Prisma.Decimal('100000'), startingCash: new Prisma.Decimal('100000') } });

  const newOrder = (accountId: string, clientOrderId: string) =>
    prisma.order.create({
      data: { accountId, clientOrderId, symbol: 'AAPL', side: OrderSide.BUY, type: 'MARKET', quantity: new Prisma.Decimal('10') },
    });

  it('creates rows with defaults and exact decimals', async () => {
    const account = await newAccount('defaults');
    expect(account.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(account.currency).toBe('USD');
    expect(account.createdAt).toBeInstanceOf(Date);
    const order = await newOrder(account.id, 'defaults-1');
    expect(order.status).toBe('NEW');
    expect(order.filledQuantity.toString()).toBe('0');
    const precise = await prisma.position.create({
      data: { accountId: account.id, symbol: 'MSFT', quantity: new Prisma.Decimal('12345678901234.0123456789') },
    });
    expect(precise.quantity.toFixed(10)).toBe('12345678901234.0123456789');
  });

  it('rejects a second order with the same (accountId, clientOrderId) with P2002', async () => {
    const account = await newAccount('dup-orders');
    await newOrder(account.id, 'coid-1');
    const error = await expectPrismaCode(newOrder(account.id, 'coid-1'), 'P2002');
    expect(JSON.stringify(error.meta)).toMatch(/client_order_id|clientOrderId/);
    // The same clientOrderId on another account is fine.
    const other = await newAccount('dup-orders-other');
    await expect(newOrder(other.id, 'coid-1')).resolves.toMatchObject({ clientOrderId: 'coid-1' });
  });

  it('rejects a second fill with the same tradeId with P2002', async () => {
    const account = await newAccount('dup-fills');
    const order = await newOrder(account.id, 'fill-order');
    const fill = (orderId: string) =>
      prisma.fill.create({
        data: {
          tradeId: 'T-1',
          orderId,
          accountId: account.id,
          symbol: 'AAPL',
          side: 'BUY',
          quantity: new Prisma.Decimal('5'),
          price: new Prisma.Decimal('189.25'),
        },
      });
    await fill(order.id);
    const error = await expectPrismaCode(fill(order.id), 'P2002');
    expect(JSON.stringify(error.meta)).toMatch(/trade_id|tradeId/);
  });

  it("runs the seed's executions query verbatim and returns an inserted execution", async () => {
    const account = await newAccount('executions');
    const order = await newOrder(account.id, 'exec-order');
    const fill = await prisma.fill.create({
      data: {
        tradeId: 'T-exec',
        orderId: order.id,
        accountId: account.id,
        symbol: 'AAPL',
        side: 'BUY',
        quantity: new Prisma.Decimal('10'),
        price: new Prisma.Decimal('190.5'),
        fee: new Prisma.Decimal('0.1'),
      },
    });
    const execution = await prisma.execution.create({
      data: {
        fillId: fill.id,
        orderId: order.id,
        tradeId: fill.tradeId,
        accountId: account.id,
        symbol: 'AAPL',
        side: 'BUY',
        quantity: fill.quantity,
        price: fill.price,
        fee: fill.fee,
        notional: new Prisma.Decimal('1905'),
        strategy: 'momentum',
      },
    });
    await prisma.execution.create({
      data: {
        orderId: 'o-x', tradeId: 't-x', accountId: account.id, symbol: 'MSFT', side: 'SELL',
        quantity: new Prisma.Decimal('1'), price: new Prisma.Decimal('400'), notional: new Prisma.Decimal('400'),
      },
    });

    const rows = await withClient(db.url, async (c: Client) => (await c.query(SEED_QUERY)).rows);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: execution.id, symbol: 'AAPL', side: 'BUY', notional: '1905.0000000000', strategy: 'momentum' });
    expect(rows[0].created_at).toBeInstanceOf(Date);

    const viaPrisma = await prisma.$queryRawUnsafe<{ id: string }[]>(SEED_QUERY);
    expect(viaPrisma.map((r) => r.id)).toEqual([execution.id]);
  });

  it('round-trips arrays, JSON and enums, and cascades/sets null per the relations', async () => {
    const news = await prisma.newsItem.create({
      data: {
        headline: 'AAPL beats', body: 'Revenue up', source: 'wire', symbols: ['AAPL', 'MSFT'],
        publishedAt: new Date('2026-11-24T12:00:00Z'), contentHash: 'h-1',
        sentimentScores: { create: { symbol: 'AAPL', label: 'POSITIVE', score: 0.91, confidence: 0.88, model: 'finbert' } },
      },
      include: { sentimentScores: true },
    });
    expect(news.symbols).toEqual(['AAPL', 'MSFT']);
    await expectPrismaCode(
      prisma.newsItem.create({ data: { headline: 'dup', body: '', source: 'wire', symbols: [], publishedAt: new Date(), contentHash: 'h-1' } }),
      'P2002',
    );
    await prisma.newsItem.delete({ where: { id: news.id } });
    expect(await prisma.sentimentScore.count({ where: { newsItemId: news.id } })).toBe(0);

    const strategy = await prisma.strategy.create({ data: { name: 'momentum', config: { lookback: 20, weights: [0.5, 0.5] } } });
    const decision = await prisma.strategyDecision.create({
      data: {
        strategyId: strategy.id, symbol: 'AAPL', action: 'HOLD', combinedScore: 0.1, quantity: new Prisma.Decimal(0),
        factors: { signal: 0.2, sentiment: -0.1 }, reason: 'weak',
      },
    });
    expect(decision.riskRejected).toBe(false);
    expect(decision.factors).toEqual({ signal: 0.2, sentiment: -0.1 });
    await prisma.strategy.delete({ where: { id: strategy.id } });
    expect((await prisma.strategyDecision.findUniqueOrThrow({ where: { id: decision.id } })).strategyId).toBeNull();

    const job = await prisma.job.create({ data: { type: 'train', payload: { model: 'nbeats' } } });
    expect(job).toMatchObject({ status: 'QUEUED', progress: 0, result: null });
    const model = await prisma.modelVersion.create({ data: { name: 'nbeats', version: '1', kind: 'onnx', path: 'models/nbeats.onnx', metrics: {} } });
    expect(model.status).toBe('TRAINING');
    await expectPrismaCode(
      prisma.modelVersion.create({ data: { name: 'nbeats', version: '1', kind: 'onnx', path: 'x', metrics: {} } }),
      'P2002',
    );
  });
});
