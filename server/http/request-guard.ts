// Cross-site request protection for state-changing API calls: a mutation must be a POST with a
// JSON body from a page of this very site. Browsers always send Origin on such requests, and a
// cross-site form cannot send JSON without a CORS preflight we never grant. SameSite=Lax session
// cookies are the third layer.

/** What the guard reads of a request: a web Request, or a node request seen through the same shape. */
export type GuardedRequest = { method: string; url: string; headers: { get(name: string): string | null } };

export type GuardResult = { ok: true } | { ok: false; status: number; reason: string };

function requestHost(req: GuardedRequest): string | null {
  const trustForwarded = process.env.AUTH_TRUST_HOST === 'true' || process.env.AUTH_TRUST_HOST === '1';
  const forwarded = trustForwarded ? req.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || req.headers.get('host') || new URL(req.url).host;
}

/** The origins a same-site request may carry: the configured public URL, else the host asked for. */
function allowedHosts(req: GuardedRequest): string[] {
  const hosts = new Set<string>();
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      hosts.add(new URL(configured).host);
    } catch {
      // validated at start-up; ignore here
    }
  }
  const host = requestHost(req);
  if (host) hosts.add(host);
  return [...hosts];
}

export function guardMutation(req: GuardedRequest): GuardResult {
  if (req.method !== 'POST') return { ok: true };
  const contentType = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType))
    return { ok: false, status: 415, reason: 'Mutations take a JSON body (Content-Type: application/json).' };
  return sameSiteOrigin(req);
}

/**
 * A POST to a page is a form's server action (decision 022). Next.js aborts one whose Origin names
 * another host with a 500, and lets one without Origin through; both are refused here first, with
 * a 403, as the API refuses them.
 */
export function guardPagePost(req: GuardedRequest): GuardResult {
  if (req.method !== 'POST') return { ok: true };
  return sameSiteOrigin(req);
}

function sameSiteOrigin(req: GuardedRequest): GuardResult {
  const origin = req.headers.get('origin');
  if (!origin) return { ok: false, status: 403, reason: 'Mutations must come from a page of this site (missing Origin header).' };
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { ok: false, status: 403, reason: 'Mutations must come from a page of this site.' };
  }
  if (!allowedHosts(req).includes(originHost)) return { ok: false, status: 403, reason: 'Cross-site requests are refused.' };
  return { ok: true };
}
