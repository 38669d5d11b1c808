// Background jobs in PostgreSQL (jobs): created QUEUED by whoever enqueues, taken RUNNING by exactly one
// worker (a conditional update), progress written as it goes, and finished SUCCEEDED with a result or
// FAILED with the error.
import type { PrismaClient } from '@aitrader/prisma';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED';

export interface JobRow {
  id: string;
  type: string;
  status: JobStatus;
  progress: number;
  payload: unknown;
  result: unknown;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export class JobsStore {
  constructor(private readonly prisma: PrismaClient) {}

  async create(type: string, payload: unknown): Promise<JobRow> {
    return this.prisma.job.create({ data: { type, payload: payload as object } });
  }

  async get(id: string): Promise<JobRow | null> {
    return this.prisma.job.findUnique({ where: { id } });
  }

  async list(q: { first: number; type?: string | null; status?: JobStatus | null }): Promise<JobRow[]> {
    return this.prisma.job.findMany({
      where: { ...(q.type ? { type: q.type } : {}), ...(q.status ? { status: q.status } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: q.first,
    });
  }

  /**
   * Marks the job RUNNING if it is QUEUED, or RUNNING already (a worker died with it: its stream entry
   * came back). Returns the row, or null when the job is finished or does not exist.
   */
  async take(id: string): Promise<JobRow | null> {
    const { count } = await this.prisma.job.updateMany({
      where: { id, status: { in: ['QUEUED', 'RUNNING'] } },
      data: { status: 'RUNNING', startedAt: new Date(), progress: 0, error: null },
    });
    return count === 1 ? this.get(id) : null;
  }

  async progress(id: string, progress: number): Promise<void> {
    await this.prisma.job.updateMany({ where: { id, status: 'RUNNING' }, data: { progress: Math.max(0, Math.min(1, progress)) } });
  }

  async succeed(id: string, result: unknown): Promise<void> {
    await this.prisma.job.update({ where: { id }, data: { status: 'SUCCEEDED', progress: 1, result: result as object, error: null, finishedAt: new Date() } });
  }

  async fail(id: string, error: string): Promise<void> {
    await this.prisma.job.update({ where: { id }, data: { status: 'FAILED', error: error.slice(0, 4000), finishedAt: new Date() } });
  }
}
