// The seed's mock MCP endpoint at MCP_URL (http://…:9000/mcp): a Model Context Protocol server
// (official SDK, stateless Streamable HTTP) with account tools, plus plain JSON REST views of the same
// data under /mcp/accounts for HTTP clients such as the strategy engine. Both need the same credentials
// as the API (Authorization: Bearer <API key or JWT>, read scope) and show only the caller's accounts.
import type { Express, Request, Response } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { canAccessAccount, VERSION, type Principal } from '@aitrader/platform';
import type { AccountsService, ValuedAccount } from '../application/accounts-service';

/** The account as the MCP tools and REST endpoint return it (snake_case, numbers). */
export function accountDocument(v: ValuedAccount) {
  const { account, valuation } = v;
  return {
    account_id: account.id,
    name: account.name,
    currency: account.currency,
    cash: account.cash.toNumber(),
    starting_cash: account.startingCash.toNumber(),
    equity: valuation.equity.toNumber(),
    buying_power: valuation.buyingPower.toNumber(),
    positions_value: valuation.positionsValue.toNumber(),
    realized_pnl: valuation.realizedPnl.toNumber(),
    unrealized_pnl: valuation.unrealizedPnl.toNumber(),
    marks_missing: valuation.marksMissing,
    positions: valuation.positions.filter((p) => !p.quantity.isZero()).map((p) => ({
      symbol: p.symbol,
      quantity: p.quantity.toNumber(),
      average_price: p.averagePrice.toNumber(),
      market_price: p.mark?.toNumber() ?? null,
      market_value: p.marketValue.toNumber(),
      unrealized_pnl: p.unrealizedPnl.toNumber(),
      realized_pnl: p.realizedPnl.toNumber(),
    })),
  };
}

function mcpServer(accounts: AccountsService, caller: Principal): McpServer {
  const server = new McpServer({ name: 'aitrader-accounts', version: VERSION });
  const json = (value: unknown) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value) }] });
  server.registerTool(
    'list_accounts',
    { description: 'List paper trading accounts with cash, equity and buying power.' },
    async () => {
      const rows = (await accounts.store.list()).filter((r) => canAccessAccount(caller, r.id));
      return json(await Promise.all(rows.map(async (r) => accountDocument(await accounts.value(r)))));
    },
  );
  server.registerTool(
    'get_account',
    { description: 'One account with its positions marked to the latest quotes.', inputSchema: { account_id: z.string().min(1) } },
    async ({ account_id }) => {
      if (!canAccessAccount(caller, account_id)) return { ...json({ error: 'FORBIDDEN', message: `this credential may not read account ${account_id}` }), isError: true };
      const row = await accounts.store.get(account_id);
      if (!row) return { ...json({ error: 'NOT_FOUND', message: `account ${account_id} does not exist` }), isError: true };
      return json(accountDocument(await accounts.value(row)));
    },
  );
  return server;
}

export function mountMcp(app: Express, accounts: AccountsService): void {
  app.post('/mcp', async (req: Request, res: Response) => {
    // Stateless: a fresh server and transport per request, as the SDK recommends for horizontal scaling.
    const server = mcpServer(accounts, res.locals.caller as Principal);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  const notAllowed = (_req: Request, res: Response) =>
    res.status(405).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: POST JSON-RPC to /mcp' }, id: null });
  app.get('/mcp', notAllowed);
  app.delete('/mcp', notAllowed);

  app.get('/mcp/accounts', async (_req, res) => {
    const caller = res.locals.caller as Principal;
    const rows = (await accounts.store.list()).filter((r) => canAccessAccount(caller, r.id));
    res.json({ accounts: await Promise.all(rows.map(async (r) => accountDocument(await accounts.value(r)))) });
  });
  app.get('/mcp/accounts/:id', async (req, res) => {
    if (!canAccessAccount(res.locals.caller as Principal, req.params.id)) {
      res.status(403).json({ error: 'FORBIDDEN', message: `this credential may not read account ${req.params.id}` });
      return;
    }
    const row = await accounts.store.get(req.params.id);
    if (!row) {
      res.status(404).json({ error: 'NOT_FOUND', message: `account ${req.params.id} does not exist` });
      return;
    }
    res.json(accountDocument(await accounts.value(row)));
  });
}
