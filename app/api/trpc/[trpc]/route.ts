import { handleTrpcRequest } from '../../../../server/api/http';

// Every call of the app's API, for the browser and for scripts: tRPC's fetch adapter (server/api/http.ts).
export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return handleTrpcRequest(req);
}

export { handler as GET, handler as POST };
