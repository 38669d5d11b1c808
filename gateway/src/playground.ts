// An offline GraphQL playground: GraphiQL and React served from node_modules (no CDN — the machines this
// runs on may have no internet), at /playground; a browser opening /graphql is sent there.
import { dirname, join } from 'node:path';
import type { Express, NextFunction, Request, Response } from 'express';

const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'graphql-ws.js': { pkg: 'graphql-ws', file: 'umd/graphql-ws.min.js', type: 'text/javascript' },
};

/** The UMD files are not in the packages' "exports", so locate each package and join the path. */
const assetPath = (a: { pkg: string; file: string }) => join(dirname(require.resolve(`${a.pkg}/package.json`)), a.file);

const DEFAULT_QUERY = `# AITrader federated API. Try a query, or a subscription such as
#   subscription { fillReceived { price qty instrument { quote { bid ask } } account { cash } } }
{
  instruments { symbol name quote { bid ask last } }
  accounts { id cash equity positions { symbol quantity unrealizedPnl } }
  replay { state published total }
}
`;

function page(endpoint: string, localKey?: string): string {
  const headers = localKey ? JSON.stringify({ Authorization: `Bearer ${localKey}` }, null, 2) : '{\n  "Authorization": "Bearer <API key or JWT>"\n}';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>AITrader GraphQL playground</title>
  <link rel="stylesheet" href="/playground/assets/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/playground/assets/react.js"></script>
  <script src="/playground/assets/react-dom.js"></script>
  <script src="/playground/assets/graphiql.js"></script>
  <script src="/playground/assets/graphql-ws.js"></script>
  <script>
    // Subscriptions go over graphql-ws on the same path (ws:// or wss://).
    const wsUrl = location.origin.replace(/^http/, 'ws') + ${JSON.stringify(endpoint)};
    // The socket sends the headers editor's Authorization as connectionParams (the gateway requires one).
    const connectionParams = () => { try { return JSON.parse(localStorage.getItem('graphiql:headers') || ${JSON.stringify(headers)}); } catch { return {}; } };
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)}, wsClient: graphqlWs.createClient({ url: wsUrl, lazy: true, connectionParams }) });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, defaultHeaders: ${JSON.stringify(headers)}, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>`;
}

/** `localKey`: the development admin key `npm start` made, pre-filled in the headers editor (never in production). */
export function mountPlayground(app: Express, endpoint = '/graphql', localKey?: string): void {
  app.get('/playground', (_req, res) => {
    res.type('html').send(page(endpoint, localKey));
  });
  app.get('/playground/assets/:name', (req, res) => {
    const asset = ASSETS[req.params.name];
    if (!asset) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.type(asset.type).sendFile(assetPath(asset), { maxAge: '1h' });
  });
  // A browser navigating to the endpoint gets the playground; API clients are unaffected.
  app.get(endpoint, (req: Request, res: Response, next: NextFunction) => {
    if (req.accepts(['json', 'html']) === 'html' && !req.query.query) res.redirect('/playground');
    else next();
  });
}
