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
  ])('finds the two possibilities in "%s"', (sentence, expected) => {
    expect(splitAlternatives(sentence)).toEqual(expected);
  });

  it('reads a sentence that starts with "or" as the second possibility of the one before', () => {
    expect(splitAlternatives('Or am I on the wrong login page', 'Could this be our proxy')).toEqual([
      'Could this be our proxy',
      'am I on the wrong login page',
    ]);
  });

  it.each([
    // A "which?" between long phrases asks how, not which problem.
    'is it possible to reset the root password or do I need support',
    // "or" with nothing said to be unsure about.
    'can I reset it myself or do I need support',
    // Unsure, but of no two things.
    'not sure if this is the right channel',
    'either way I am locked out',
  ])('finds none in "%s"', (sentence) => {
    expect(splitAlternatives(sentence)).toBeNull();
  });

  it('finds none in a sentence starting with "or" when there is no sentence before it', () => {
    expect(splitAlternatives('or maybe the mfa device')).toBeNull();
  });
});
