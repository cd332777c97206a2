// Pure rules of the floating-window host, shared by the browser script and the unit tests.
// Plain JavaScript (an ES module served as-is to the browser); types live in rules.d.ts.

/** Documented floating-window limits, in CSS pixels. */
export const SIZE_LIMITS = Object.freeze({ minHeight: 70, maxHeight: 700, minWidth: 200, maxWidth: 800 });

/** Size used until the app asks for another one (Pipedrive's own default is not documented). */
export const DEFAULT_SIZE = Object.freeze({ height: 500, width: 360 });

function clamp(value, min, max) {
  return Math.min(max, Math.max(min, Math.round(value)));
}

function isUsableNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Applies `{ height?, width? }` to the current size. Out-of-range numbers are clamped into the
 * limits; anything that is not a finite number is an error, as is asking for nothing at all.
 */
export function resolveSize(current, requested) {
  if (requested === null || typeof requested !== 'object') {
    return { ok: false, error: 'resize expects an object { height?, width? }' };
  }
  const { height, width } = requested;
  if (height === undefined && width === undefined) {
    return { ok: false, error: 'resize needs height or width' };
  }
  if (height !== undefined && !isUsableNumber(height)) {
    return { ok: false, error: 'height must be a finite number' };
  }
  if (width !== undefined && !isUsableNumber(width)) {
    return { ok: false, error: 'width must be a finite number' };
  }
  return {
    ok: true,
    size: {
      height: height === undefined ? current.height : clamp(height, SIZE_LIMITS.minHeight, SIZE_LIMITS.maxHeight),
      width: width === undefined ? current.width : clamp(width, SIZE_LIMITS.minWidth, SIZE_LIMITS.maxWidth),
    },
  };
}

/** `initialize({ size })`: like resize, but a missing or empty size keeps the current one. */
export function resolveInitialSize(current, options) {
  const size = options && typeof options === 'object' ? options.size : undefined;
  if (size === undefined || size === null) return { ok: true, size: current };
  if (typeof size === 'object' && size.height === undefined && size.width === undefined) {
    return { ok: true, size: current };
  }
  return resolveSize(current, size);
}

/** `set_notification({ number? })`: a missing number or 0 clears the badge. */
export function parseNotificationCount(args) {
  if (args === undefined || args === null) return { ok: true, count: 0 };
  if (typeof args !== 'object') return { ok: false, error: 'set_notification expects { number? }' };
  const value = args.number;
  if (value === undefined || value === null) return { ok: true, count: 0 };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return { ok: false, error: 'number must be a non-negative integer' };
  }
  return { ok: true, count: value };
}

/** What the apps dock shows for a notification count: nothing, the number, or "9+". */
export function badgeText(count) {
  if (!count || count <= 0) return '';
  return count > 9 ? '9+' : String(count);
}

const REDIRECT_VIEWS = Object.freeze({ contacts: '/persons', deals: '/deals' });

/** `redirect_to({ view, id? })` → host path; the sandbox only has person and deal pages. */
export function redirectPath(args) {
  if (args === null || typeof args !== 'object') return { ok: false, error: 'redirect_to expects { view, id? }' };
  if (typeof args.view !== 'string' || !Object.hasOwn(REDIRECT_VIEWS, args.view)) {
    return { ok: false, error: `view "${String(args.view)}" is not available in the sandbox` };
  }
  const base = REDIRECT_VIEWS[args.view];
  if (args.id === undefined || args.id === null) return { ok: true, path: base };
  const id = String(args.id);
  if (!/^[1-9][0-9]*$/.test(id)) return { ok: false, error: 'id must be a positive integer' };
  return { ok: true, path: `${base}/${id}` };
}
