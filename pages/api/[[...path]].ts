import type { NextApiRequest, NextApiResponse } from 'next';
import { errorBody } from '@/contract/error-catalogue';
import { readRawBody } from '@/server/http/request-body';

// The app reads bodies itself (apiRoute), so that bad ones answer the JSON error envelope.
export const config = { api: { bodyParser: false } };

/** Any /api path no route serves (e.g. `/api/calls/..`): the JSON error envelope, not Next's HTML 404 page. */
export default async function notFound(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  // Drained first, as apiRoute does: a client still uploading could otherwise miss the answer.
  await readRawBody(req, 1024).catch(() => undefined);
  res.setHeader('Cache-Control', 'no-store');
  res.status(404).json({ error: errorBody('NOT_FOUND') });
}
