import { errors, jwtVerify } from 'jose';

/** Who the signed iframe token (or GET_SIGNED_TOKEN result) says is using the window. */
export interface IframeIdentity {
  companyId: number;
  userId: number;
  /** Epoch milliseconds of the token's `exp`. */
  expiresAt: number;
}

export type IframeTokenFailure = 'missing' | 'invalid' | 'expired' | 'mismatch';

export type IframeTokenResult = { ok: true; identity: IframeIdentity } | { ok: false; reason: IframeTokenFailure };

export interface VerifyIframeTokenOptions {
  secret: string;
  /** Unsigned ids from the iframe URL: when given they must agree with the signed claims. */
  expected?: { userId?: string | undefined; companyId?: string | undefined };
  clockToleranceSeconds?: number;
  now?: Date;
}

const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies Pipedrive's iframe JWT: HS256 only (pinning the algorithm rules out `alg: none` and
 * key-confusion tricks), signed with the app's JWT secret, with an `exp`, and no `iat` in the future. Nothing is trusted from
 * the URL's `userId`/`companyId` unless they match the claims.
 */
export async function verifyIframeToken(token: string | undefined | null, options: VerifyIframeTokenOptions): Promise<IframeTokenResult> {
  if (!token) return { ok: false, reason: 'missing' };
  let payload: Record<string, unknown>;
  const tolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  try {
    const verified = await jwtVerify(token, new TextEncoder().encode(options.secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      clockTolerance: tolerance,
      currentDate: options.now,
    });
    payload = verified.payload;
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
  // jose checks `iat` only with maxTokenAge: a token issued in the future (beyond the skew) is forged or from a broken clock.
  const nowSeconds = (options.now ?? new Date()).getTime() / 1000;
  if (typeof payload.iat === 'number' && payload.iat > nowSeconds + tolerance) return { ok: false, reason: 'invalid' };
  const userId = parsePipedriveId(payload.userId);
  const companyId = parsePipedriveId(payload.companyId);
  if (userId === null || companyId === null || typeof payload.exp !== 'number') return { ok: false, reason: 'invalid' };
  const expected = options.expected;
  if (expected?.userId !== undefined && parsePipedriveId(expected.userId) !== userId) return { ok: false, reason: 'mismatch' };
  if (expected?.companyId !== undefined && parsePipedriveId(expected.companyId) !== companyId) return { ok: false, reason: 'mismatch' };
  return { ok: true, identity: { companyId, userId, expiresAt: payload.exp * 1000 } };
}

/** Pipedrive ids arrive as numbers or numeric strings; anything else is not an id. */
export function parsePipedriveId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value)) {
    const parsed = Number(value);
    return Number.isSafeInteger(parsed) ? parsed : null;
  }
  return null;
}
