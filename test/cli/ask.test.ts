import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { formatReply } from '../../src/cli/format-reply';
import { realAnswerPath } from '../helpers/corpus';

const { answerer } = realAnswerPath();

describe('ask output', () => {
  it('--json prints the one line the evaluation reads', () => {
    const line = JSON.parse(formatReply(answerer.answer('lost my yubikey, root user'), 'json'));
    expect(line).toEqual({
      kind: 'answer',
      topic: 'mfa-device-lost',
      candidates: expect.any(Array),
      confidence: expect.any(Number),
      user: 'root',
    });
    expect(line.candidates[0]).toBe('mfa-device-lost');
    expect(JSON.parse(formatReply(answerer.answer('lost my yubikey'), 'json')).user).toBeNull();
  });

  it('text shows the card as a person would read it, links spelled out', () => {
    const text = formatReply(answerer.answer('how do I close my aws account'), 'text');
    const title = realAnswerPath().corpus.byId.get('close-account')?.title ?? '';
    expect(text.split('\n')[0]).toBe(title.toUpperCase());
    expect(text).toContain('Who can help');
    expect(text).toMatch(/\(https:\/\/docs\.aws\.amazon\.com\/[^)]+\)/);
    expect(text).not.toMatch(/<https?:/);
  });

  it('--blocks prints the exact Slack payload', () => {
    const payload = JSON.parse(formatReply(answerer.answer('forgot my iam password'), 'blocks'));
    expect(typeof payload.text).toBe('string');
    expect(Array.isArray(payload.blocks)).toBe(true);
  });

  it('empty input gets the fallback kind and the topic menu', () => {
    expect(JSON.parse(formatReply(answerer.answer('   '), 'json')).kind).toBe('fallback');
    expect(formatReply(answerer.answer(''), 'text')).toContain('Topics:');
  });

  it('a pasted secret is never printed', () => {
    const text = formatReply(answerer.answer('my key AKIAIOSFODNN7EXAMPLE and root password forgotten'), 'text');
    expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(text).toContain('delete your message');
  });
});

describe('npm run ask, batch mode', () => {
  it('answers one JSON line per question line on standard input, in order', () => {
    const cli = join(__dirname, '..', '..', 'src', 'cli', 'ask.ts');
    const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, [cli, '--json'], {
      input: 'how do I close my aws account\n\nforgot my spotify password\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.kind)).toEqual(['answer', 'fallback', 'fallback']);
    expect(lines[0].topic).toBe('close-account');
  });
});
