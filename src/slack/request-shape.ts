// What a request body must look like before Bolt sees it. Bolt reads `body.ssl_check` of whatever JSON
// arrives, so a signed `null` (or `payload=null`) used to stop the process; and listeners read
// `body.user.id`, `body.actions`, `body.view` and `body.event` without asking. Anything of another shape
// is refused with 400 here, before any listener runs. Only the fields the app reads are checked; Slack
// adds fields freely, and they pass.
import { z } from 'zod';

const id = z.string().min(1).max(64);
/** The events the app answers (the rest pass on their type alone). */
const ANSWERED_EVENTS = ['app_mention', 'message', 'app_home_opened'] as const;
const isAnsweredEvent = (type: string): boolean => (ANSWERED_EVENTS as readonly string[]).includes(type);

const userRef = z.looseObject({ id });

const kinds = {
  block_actions: z.looseObject({
    user: userRef,
    actions: z
      .array(z.looseObject({ action_id: z.string().min(1).max(255), block_id: z.string().max(255).optional() }))
      .min(1)
      .max(25),
  }),
  view_submission: z.looseObject({
    user: userRef,
    view: z.looseObject({
      callback_id: z.string().max(255),
      private_metadata: z.string().max(3000).optional(),
      state: z.looseObject({ values: z.record(z.string(), z.unknown()) }),
    }),
  }),
  view_closed: z.looseObject({ user: userRef, view: z.looseObject({}) }),
  event_callback: z.looseObject({
    event: z.union([
      // The events the app answers: who, where and what must be what Slack sends, or nothing is recorded
      // under a user id that is an object. Other event types pass on their type alone.
      // A mention is answered in its thread: it must say which message it is (Slack always sends `ts`).
      z.looseObject({
        type: z.literal('app_mention'),
        user: id.optional(),
        channel: id.optional(),
        text: z.string().optional(),
        ts: z.string().min(1).max(64),
        thread_ts: z.string().min(1).max(64).optional(),
      }),
      z.looseObject({
        type: z.enum(ANSWERED_EVENTS).exclude(['app_mention']),
        user: id.optional(),
        channel: id.optional(),
        text: z.string().optional(),
      }),
      z.looseObject({
        type: z
          .string()
          .min(1)
          .max(64)
          .refine((type) => !isAnsweredEvent(type)),
      }),
    ]),
  }),
  url_verification: z.looseObject({ challenge: z.string().max(512) }),
};

const slashCommand = z.looseObject({
  command: z.string().min(1).max(64),
  user_id: id,
  text: z.string().max(40_000).optional(),
});

export type ShapeCheck = { ok: true } | { ok: false; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as Bolt will parse it (form fields, the JSON in `payload=`, or JSON), checked for shape. */
export function checkRequestShape(rawBody: string, contentType: string | undefined): ShapeCheck {
  let body: unknown;
  try {
    // The same rule Bolt applies, so this sees exactly what Bolt will.
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(rawBody);
      const payload = form.get('payload');
      if (payload === null) {
        const fields = Object.fromEntries(form);
        if ('command' in fields) return verdict(slashCommand.safeParse(fields).success, 'slash command');
        return { ok: true };
      }
      body = JSON.parse(payload);
    } else {
      body = JSON.parse(rawBody);
    }
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  return checkBodyShape(body);
}

/**
 * A payload as Bolt hands it to middleware (HTTP and Socket Mode alike), checked for the shape the
 * listeners read. Socket Mode has no HTTP guard in front of it, so the app runs this on every payload.
 */
export function checkBodyShape(body: unknown): ShapeCheck {
  if (!isObject(body)) return { ok: false, reason: `a JSON ${body === null ? 'null' : typeof body}, not an object` };
  if ('command' in body && !('type' in body)) return verdict(slashCommand.safeParse(body).success, 'slash command');
  const type = body.type;
  if (type !== undefined && typeof type !== 'string') return { ok: false, reason: 'type is not a string' };
  const schema = type !== undefined && Object.hasOwn(kinds, type) ? kinds[type as keyof typeof kinds] : undefined;
  return schema ? verdict(schema.safeParse(body).success, type as string) : { ok: true };
}

const verdict = (ok: boolean, what: string): ShapeCheck => (ok ? { ok } : { ok, reason: `malformed ${what}` });
