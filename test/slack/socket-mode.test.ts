// The pieces of the Socket Mode receiver that need no socket: an events_api envelope without an event
// (app_rate_limited) made routable, and everything else passed on untouched.
import { createQuietLogger } from '../../src/slack/quiet-logger';
import { withRoutableEnvelope } from '../../src/slack/socket-mode';
import { appRateLimitedPayload } from '../fixtures/slack-payloads';
import { recordingLogger } from '../helpers/fakes';
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

describe('the Socket Mode client’s logger', () => {
  it('drops lines that carry a whole payload and turns per-attempt warnings into debug lines', () => {
    const lines = recordingLogger();
    const quiet = createQuietLogger(lines, ['Received a message on the WebSocket']);
    quiet.debug('Received a message on the WebSocket: {"payload":{"text":"password: Sup3r!"}}');
    quiet.error('Failed to retrieve a new WSS URL (error: fetch failed)');
    quiet.warn('http request failed fetch failed');
    expect(lines.lines).toEqual([
      'debug Failed to retrieve a new WSS URL (error: fetch failed)',
      'debug http request failed fetch failed',
    ]);
  });
});
