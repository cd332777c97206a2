import { SandboxApiError, ERROR_INFO } from './sandbox-api-error';

/** Pipedrive's success envelope. `additional_data` is omitted when the endpoint has none. */
export function successBody(data: unknown, additionalData?: unknown): Record<string, unknown> {
  return additionalData === undefined ? { success: true, data } : { success: true, data, additional_data: additionalData };
}

export function errorBody(error: SandboxApiError): Record<string, unknown> {
  return { success: false, error: error.error, ...error.extra, error_info: ERROR_INFO, data: null, additional_data: null };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
