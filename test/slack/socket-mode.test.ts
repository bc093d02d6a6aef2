// The pieces of the Socket Mode receiver that need no socket: an events_api envelope without an event
// (app_rate_limited) made routable, and everything else passed on untouched.
import { withRoutableEnvelope } from '../../src/slack/socket-mode';
import { appRateLimitedPayload } from '../fixtures/slack-payloads';
import { eventPayload, mentionEvent } from '../helpers/slack-requests';

describe('withRoutableEnvelope', () => {
  it('hands an events_api envelope with no event on under its payload type', () => {
    const envelope = {
      envelope_id: 'e1',
      type: 'events_api',
      payload: appRateLimitedPayload(),
      accepts_response_payload: false,
    };
    const routed = JSON.parse(String(withRoutableEnvelope(JSON.stringify(envelope))));
    expect(routed).toEqual({ ...envelope, type: 'app_rate_limited' });
  });

  it('leaves events, hello, disconnect, binary data and junk as they are', () => {
    const event = JSON.stringify({ envelope_id: 'e2', type: 'events_api', payload: eventPayload(mentionEvent('hi')) });
    for (const data of [
      event,
      '{"type":"hello"}',
      '{"type":"disconnect","reason":"warning"}',
      'not json',
      Buffer.from('x'),
    ]) {
      expect(withRoutableEnvelope(data)).toBe(data);
    }
  });
});
