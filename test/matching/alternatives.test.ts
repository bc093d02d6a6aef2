// Two possibilities a person says they cannot choose between, found in a sentence as typed.
import { splitAlternatives } from '../../src/matching/alternatives';

describe('splitAlternatives', () => {
  it.each([
    ["not sure if it's my password or the portal link", ["it's my password", 'the portal link']],
    [
      'either someone is using it or it is a billing mistake, no idea',
      ['someone is using it', 'it is a billing mistake'],
    ],
    ["I can't tell whether the account was hacked or suspended", ['the account was hacked', 'suspended']],
    ['is this fraud or an amazon order', ['fraud', 'an amazon order']],
    ['was it suspended or closed', ['suspended', 'closed']],
    [
      "no idea whether its the root email or the password that's wrong",
      ['its the root email', "the password that's wrong"],
    ],
    ['unsure if it was hacked or suspended', ['it was hacked', 'suspended']],
    ['dunno if my aws account got suspended or hacked', ['my aws account got suspended', 'hacked']],
    ['idk whether i lost the root mfa or forgot the password', ['i lost the root mfa', 'forgot the password']],
    ['could it be our firewall or the wrong sign in page', ['our firewall', 'the wrong sign in page']],
    // Every opener is tried: the first names no possibilities of what is wrong, the second does.
    ['not sure if this is the right place but is it fraud or an amazon purchase', ['fraud', 'an amazon purchase']],
    // "account either" is no negation.
    ['my aws account either got suspended or hacked', ['got suspended', 'hacked']],
    // Between two long readings too.
    [
      'is it because my card expired last month or because someone hacked the account',
      ['because my card expired last month', 'because someone hacked the account'],
    ],
    // The second possibility is a clause of its own, not a value of the first's subject.
    ['either the account id is wrong or my iam username is', ['the account id is wrong', 'my iam username is']],
    // "but" ends the second possibility.
    ["not sure if it's the mfa or the password but i can't sign in", ["it's the mfa", 'the password']],
  ])('finds the two possibilities in "%s"', (sentence, expected) => {
    expect(splitAlternatives(sentence)).toEqual(expected);
  });

  it('reads a sentence that starts with "or am I" or "or is it" as another reading of the one before', () => {
    expect(splitAlternatives('Or am I on the wrong login page', 'Could this be our proxy')).toEqual([
      'Could this be our proxy',
      'am I on the wrong login page',
    ]);
    expect(splitAlternatives('Or is it asking for mfa', 'aws keeps asking for a verification code')).toEqual([
      'aws keeps asking for a verification code',
      'is it asking for mfa',
    ]);
  });

  it.each([
    ['Or should I just open a support case', 'I forgot my aws root password'],
    ['Or username', 'forgot my iam password'],
    ['Or does it go to the root email', 'The aws verification code never arrives'],
    ['Or is it possible to disable it without signing in', 'lost my aws root mfa'],
  ])('reads "%s" after "%s" as no other reading of what is wrong', (sentence, previous) => {
    expect(splitAlternatives(sentence, previous)).toBeNull();
  });

  it.each([
    // A "which?" between long phrases asks how, not which problem.
    'is it possible to reset the root password or do I need support',
    // "or" with nothing said to be unsure about.
    'can I reset it myself or do I need support',
    // Unsure, but of no two things.
    'not sure if this is the right channel',
    'either way I am locked out',
    // Unsure what to do or whom to ask, not what is wrong.
    "I don't know whether I should contact aws support or my admin, lost my mfa phone",
    'dont know if i should reset my root password or wait for the verification code email',
    'I dont know if the forgot password link or support is faster',
    'i was wondering if someone could help me reset my aws root password or point me to support',
    // A remark about the post itself.
    'not sure if this is the right channel or not but i lost my aws mfa device',
    'unsure if this belongs here or in #billing, my aws account is suspended',
    // "Either" under a negation: both, not one of two.
    "I don't have either the password or the mfa device anymore for our aws root",
    'i dont have access anymore to either the root email or the phone number',
    // What to do, said without a subject, or whom to reach.
    'i either have to change my card or reach out to billing, account suspended',
    'is this the right channel or should i open a ticket',
    'not sure if support can help or if i need to wait',
    'either i wait for the email or i call support',
    // Two values of one thing: one problem.
    'not sure if the aws root email is my gmail or my work email, cant reset password',
    'no idea if the mfa is on my old phone or the new one',
    // "Is it possible/ok …" asks how.
    'is it possible to remove mfa or reset it',
    'could it be possible to reset mfa or do i need support',
  ])('finds none in "%s"', (sentence) => {
    expect(splitAlternatives(sentence)).toBeNull();
  });

  it('finds none in a sentence starting with "or" when there is no sentence before it', () => {
    expect(splitAlternatives('or maybe the mfa device')).toBeNull();
  });
});
