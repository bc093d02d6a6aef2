import { checkRequestShape } from '../../src/slack/request-shape';

const FORM = 'application/x-www-form-urlencoded';
const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

describe('checkRequestShape', () => {
  it('lets through the shapes Slack sends', () => {
    const click = { type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 'still_stuck' }], extra: 1 };
    expect(checkRequestShape(form(click), FORM)).toEqual({ ok: true });
    expect(checkRequestShape('command=%2Faws-signin&user_id=U1&text=hi', FORM)).toEqual({ ok: true });
    expect(checkRequestShape('ssl_check=1&token=x', FORM)).toEqual({ ok: true });
    const event = { type: 'event_callback', event: { type: 'app_mention', text: 'hi', ts: '1.1' } };
    expect(checkRequestShape(JSON.stringify(event), 'application/json')).toEqual({ ok: true });
  });

  it('refuses null, arrays, scalars and envelopes missing what listeners read, naming what was wrong', () => {
    expect(checkRequestShape('null', 'application/json')).toEqual({ ok: false, reason: 'a JSON null, not an object' });
    expect(checkRequestShape('payload=null', FORM).ok).toBe(false);
    expect(checkRequestShape(form({ type: 'block_actions', user: { id: 'U1' } }), FORM)).toEqual({
      ok: false,
      reason: 'malformed block_actions',
    });
  });

  it('treats a type named like an object member as an unknown type, not as a schema', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(checkRequestShape(JSON.stringify({ type }), 'application/json')).toEqual({ ok: true });
    }
  });
});
