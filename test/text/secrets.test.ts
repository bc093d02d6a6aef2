import { REDACTED, redactSecrets } from '../../src/text/secrets';

describe('redactSecrets', () => {
  it('redacts AWS access key ids', () => {
    const { text, found } = redactSecrets('my key AKIAIOSFODNN7EXAMPLE stopped working');
    expect(text).toBe(`my key ${REDACTED} stopped working`);
    expect(found).toEqual(['access-key-id']);
  });

  it('redacts temporary (ASIA) key ids and secret access keys', () => {
    const { text, found } = redactSecrets(
      'ASIAIOSFODNN7EXAMPLE with wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY please help',
    );
    expect(text).not.toMatch(/ASIA|wJalr/);
    expect(found.sort()).toEqual(['access-key-id', 'secret-access-key']);
  });

  it('redacts passwords people type out', () => {
    for (const question of [
      'my password is Hunter2!',
      'pw: letmein',
      'password=s3cr3t and it fails',
      'passwd - Tr0ub4dor',
    ]) {
      const { text, found } = redactSecrets(question);
      expect(found).toEqual(['password']);
      expect(text).toContain(REDACTED);
    }
    expect(redactSecrets('my password is Hunter2!').text).toBe(`my password is ${REDACTED}`);
  });

  it('raises no false alarm on ordinary questions', () => {
    for (const question of [
      'my password is wrong but I am sure it is right',
      'the password is not working',
      'forgot my root password',
      'where do i find the 12 digit account id 123456789012?',
      'the portal is https://d-1234567890.awsapps.com/start',
      'my pw was rejected',
      'what is the aws support phone number',
    ]) {
      expect(redactSecrets(question)).toEqual({ text: question, found: [] });
    }
  });
});
