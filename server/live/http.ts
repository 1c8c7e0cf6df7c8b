/**
 * /api/live: join QR codes (public: the code is on the projector anyway) and reports (teachers
 * only: `Authorization: Bearer <teacher token>`; anyone else gets 403, an unknown id 404).
 */
import express, { type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { reportCsv } from '../../shared/live/index.ts';
import { ROOM_CODE, type ApiError } from '../../shared/protocol.ts';
import { isLoopback, joinOrigin, type JoinAddressOptions } from './joinAddress.ts';
import type { LiveReportStore } from './reportStore.ts';

const REPORT_ID = /^[A-Za-z0-9_-]{8,64}$/;

const fail = (res: Response, status: number, code: string, message: string): void => {
  res.status(status).json({ error: { code, message } } satisfies ApiError);
};

/** The link a phone opens to join: an origin phones reach (joinAddress.ts) with `?join=<code>`. */
export function joinLink(req: Request, code: string, options: JoinAddressOptions = {}): string {
  const teacher = new URL(`${req.protocol}://${req.get('host') ?? 'localhost'}`);
  return `${joinOrigin(teacher, options)}/?join=${code}`;
}

const bearer = (req: Request): string =>
  /^Bearer ([A-Za-z0-9_-]{16,64})$/.exec(req.get('authorization') ?? '')?.[1] ?? '';

export interface LiveJoinInfo {
  code: string;
  link: string;
  /** PNG data URL of the link's QR code. */
  qr: string;
  /** True when the link still names this machine only (no LAN address, no PUBLIC_URL). */
  localOnly: boolean;
}

export function createLiveRouter(
  reports: LiveReportStore,
  address: JoinAddressOptions = {},
): express.Router {
  const router = express.Router();

  router.get('/join/:code', async (req, res) => {
    const code = String(req.params.code);
    if (!ROOM_CODE.test(code))
      return fail(res, 400, 'request/invalid', 'A join code has 6 digits.');
    const link = joinLink(req, code, address);
    const qr = await QRCode.toDataURL(link, { margin: 1, width: 512, errorCorrectionLevel: 'M' });
    const localOnly = isLoopback(new URL(link).hostname);
    res.json({ code, link, qr, localOnly } satisfies LiveJoinInfo);
  });

  router.get('/join/:code/qr.svg', async (req, res) => {
    const code = String(req.params.code);
    if (!ROOM_CODE.test(code))
      return fail(res, 400, 'request/invalid', 'A join code has 6 digits.');
    res
      .type('image/svg+xml')
      .send(await QRCode.toString(joinLink(req, code, address), { type: 'svg', margin: 1 }));
  });

  router.get('/reports/:id', async (req, res) => {
    const got = await reports.get(String(req.params.id), bearer(req));
    if (!got.ok) return denied(res, got.status);
    res.json(got.value);
  });

  router.get('/reports/:id/csv', async (req, res) => {
    const got = await reports.get(String(req.params.id), bearer(req));
    if (!got.ok) return denied(res, got.status);
    res.type('text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="heap-heroes-${got.value.roomCode}.csv"`,
    );
    res.send(reportCsv(got.value.report.rows));
  });

  router.delete('/reports/:id', async (req, res) => {
    const gone = await reports.remove(String(req.params.id), bearer(req));
    if (!gone.ok) return denied(res, gone.status);
    res.status(204).end();
  });

  router.param('id', (_req, res, next, id: string) =>
    REPORT_ID.test(id) ? next() : fail(res, 404, 'report/unknown', 'No such report.'),
  );
  return router;
}

function denied(res: Response, status: 403 | 404): void {
  if (status === 404) return fail(res, 404, 'report/unknown', 'No such report.');
  fail(res, 403, 'report/forbidden', 'Only the teacher of this class can do that.');
}
