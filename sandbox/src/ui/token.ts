import { SignJWT } from 'jose';

/** Lifetime of every token the host hands to the app (URL `token` and `get_signed_token`). */
export const IFRAME_TOKEN_TTL_SECONDS = 5 * 60;

export interface IframeTokenInput {
  userId: number;
  companyId: number;
  /** The app's JWT secret, or its client secret when none is registered. */
  secret: string;
  /** Seconds since the epoch; injectable for tests. */
  nowSeconds?: number;
}

/** Signs the HS256 JWT Pipedrive gives a custom UI extension: `{ userId, companyId, iat, exp }`. */
export async function signIframeToken(input: IframeTokenInput): Promise<string> {
  const iat = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ userId: input.userId, companyId: input.companyId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + IFRAME_TOKEN_TTL_SECONDS)
    .sign(new TextEncoder().encode(input.secret));
}

export function iframeTokenSecret(app: { jwtSecret?: string | undefined; clientSecret: string }): string {
  return app.jwtSecret ? app.jwtSecret : app.clientSecret;
}
