// Which texts name AWS: in a grown corpus only topics that do contend with a question that does.
import { createAnchorFinder } from '../../../src/matching/index/anchor-finder';

describe('createAnchorFinder', () => {
  const namesAws = createAnchorFinder(['aws', 'root user', 'amazon web services', 'iam']);

  it.each([
    'can aws support give me our access portal url?',
    'AWS-CLI keeps asking for a profile',
    'I am the Root User of this account',
    'signed up for Amazon  Web Services last year',
    'iam user locked out',
  ])('finds AWS named in "%s"', (text) => {
    expect(namesAws(text)).toBe(true);
  });

  it.each([
    'the laws of physics',
    'our shared Jira account owner is on holiday',
    'root password for the build server',
    'fiam portal',
  ])('does not find AWS in "%s"', (text) => {
    expect(namesAws(text)).toBe(false);
  });

  it('finds nothing when the lexicon has no anchors', () => {
    expect(createAnchorFinder([])('aws console')).toBe(false);
  });
});
