import { describe, expect, it } from 'vitest';
import { createTokenCipher, TokenDecryptionError } from './token-cipher';

const SECRET = 'a-session-secret-that-is-long-enough-123456';
const CONTEXT = 'account:1:2:access';

describe('token cipher', () => {
  it('round-trips and never contains the plaintext', () => {
    const cipher = createTokenCipher(SECRET);
    const sealed = cipher.encrypt('v1u:secret-access-token', CONTEXT);
    expect(sealed).not.toContain('secret-access-token');
    expect(cipher.decrypt(sealed, CONTEXT)).toBe('v1u:secret-access-token');
  });

  it('uses a fresh IV each time', () => {
    const cipher = createTokenCipher(SECRET);
    expect(cipher.encrypt('same', CONTEXT)).not.toBe(cipher.encrypt('same', CONTEXT));
  });

  it('detects tampering with the ciphertext', () => {
    const cipher = createTokenCipher(SECRET);
    const [keyId, iv, ciphertext, tag] = cipher.encrypt('token-value', CONTEXT).split('.') as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt([keyId, iv, flipped.toString('base64url'), tag].join('.'), CONTEXT)).toThrow(TokenDecryptionError);
  });

  it('refuses a ciphertext moved to another account (context bound)', () => {
    const cipher = createTokenCipher(SECRET);
    const sealed = cipher.encrypt('token-value', CONTEXT);
    expect(() => cipher.decrypt(sealed, 'account:1:3:access')).toThrow(TokenDecryptionError);
  });

  it('cannot decrypt with another secret', () => {
    const sealed = createTokenCipher(SECRET).encrypt('token-value', CONTEXT);
    expect(() => createTokenCipher('another-session-secret-that-is-long-enough').decrypt(sealed, CONTEXT)).toThrow(TokenDecryptionError);
  });

  it('decrypts with a previous secret during rotation and encrypts with the new one', () => {
    const oldCipher = createTokenCipher(SECRET);
    const sealedWithOld = oldCipher.encrypt('token-value', CONTEXT);
    const rotated = createTokenCipher('the-new-session-secret-that-is-long-enough', [SECRET]);
    expect(rotated.decrypt(sealedWithOld, CONTEXT)).toBe('token-value');
    expect(() => oldCipher.decrypt(rotated.encrypt('token-value', CONTEXT), CONTEXT)).toThrow(TokenDecryptionError);
  });

  it('rejects malformed input', () => {
    expect(() => createTokenCipher(SECRET).decrypt('not-a-ciphertext', CONTEXT)).toThrow(TokenDecryptionError);
  });
});
