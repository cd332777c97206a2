import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts OAuth tokens at rest with AES-256-GCM. The key is derived from SESSION_SECRET with HKDF,
 * so the database alone never yields a usable token. Each ciphertext names its key id, so a secret
 * can be rotated: the new secret encrypts, previous secrets still decrypt until rows are rewritten.
 *
 * Format: `<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts). `context` is bound as additional
 * authenticated data, so a ciphertext copied to another account's row does not decrypt.
 */
export interface TokenCipher {
  encrypt(plaintext: string, context: string): string;
  decrypt(sealed: string, context: string): string;
}

export class TokenDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenDecryptionError';
  }
}

const HKDF_SALT = 'pipedrive-caller/token-cipher';
const HKDF_INFO = 'aes-256-gcm:v1';
const IV_BYTES = 12;

interface DerivedKey {
  id: string;
  key: Buffer;
}

function deriveKey(secret: string): DerivedKey {
  const key = Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, 32));
  // The key id is a short fingerprint of the derived key: it reveals nothing usable.
  const id = createHash('sha256').update(key).digest('base64url').slice(0, 8);
  return { id, key };
}

export function createTokenCipher(currentSecret: string, previousSecrets: readonly string[] = []): TokenCipher {
  const current = deriveKey(currentSecret);
  const keys = new Map<string, Buffer>([[current.id, current.key]]);
  for (const secret of previousSecrets) {
    const derived = deriveKey(secret);
    if (!keys.has(derived.id)) keys.set(derived.id, derived.key);
  }

  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [current.id, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.');
    },
    decrypt(sealed, context) {
      const parts = sealed.split('.');
      if (parts.length !== 4) throw new TokenDecryptionError('malformed ciphertext');
      const [keyId, iv, ciphertext, tag] = parts as [string, string, string, string];
      const key = keys.get(keyId);
      if (!key) throw new TokenDecryptionError('ciphertext was written with an unknown key');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new TokenDecryptionError('ciphertext failed authentication');
      }
    },
  };
}
