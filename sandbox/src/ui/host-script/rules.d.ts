// Types for rules.js (kept beside it so TypeScript code and tests can import the browser module).
export interface Size {
  height: number;
  width: number;
}
export type Result<K extends string, T> = ({ ok: true } & Record<K, T>) | { ok: false; error: string };

export declare const SIZE_LIMITS: Readonly<{ minHeight: number; maxHeight: number; minWidth: number; maxWidth: number }>;
export declare const DEFAULT_SIZE: Readonly<Size>;
export declare function resolveSize(current: Size, requested: unknown): Result<'size', Size>;
export declare function resolveInitialSize(current: Size, options: unknown): Result<'size', Size>;
export declare function parseNotificationCount(args: unknown): Result<'count', number>;
export declare function badgeText(count: number): string;
export declare function redirectPath(args: unknown): Result<'path', string>;
