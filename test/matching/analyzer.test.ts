import { DEFAULT_KNOWLEDGE_DIR } from '../../src/answer/create-answer-path';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { createAnalyzer, words } from '../../src/matching/analyzer';
import { loadEnglishWords } from '../../src/matching/english-words';
import { stem } from '../../src/matching/stem';

const corpus = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
const corpusTexts = corpus.topics.flatMap((t) => [t.title, ...t.vocabulary.keywords, ...t.vocabulary.questions]);
const analyzer = createAnalyzer(corpus.lexicon, corpusTexts, loadEnglishWords);
const terms = (question: string) => analyzer.analyzeQuestion(question);

describe('analyzer', () => {
  it('analyses the corpus it was made with as it analyses each of its texts, however often asked', () => {
    const each = corpusTexts.map((text) => analyzer.analyzeCorpusText(text));
    const corpus = () => {
      const analyzed: string[][] = [];
      analyzer.analyzeCorpus((terms, index) => {
        analyzed[index] = terms;
      });
      return analyzed;
    };
    expect(corpus()).toEqual(each);
    expect(corpus()).toEqual(each);
  });

  it('corrects typos against the corpus vocabulary', () => {
    expect(terms('pasword')).toEqual(terms('password'));
    expect(terms('verifcation code')).toEqual(terms('verification code'));
    expect(terms('my acount')).toEqual(terms('my account'));
  });

  it('leaves real English words alone instead of "correcting" them into corpus words', () => {
    expect(terms('lunch')).toEqual(['lunch']);
    expect(terms('lunch')).not.toEqual(terms('launch'));
  });

  it('reads accented and full-width letters as their plain letters, and a typo the same way the second time', () => {
    expect(terms('Réinitialiser le MOT de passe')).toEqual(terms('reinitialiser le mot de passe'));
    expect(terms('ｐａｓｓｗｏｒｄ')).toEqual(terms('password'));
    expect(terms('pasword')).toEqual(terms('pasword'));
  });

  it('keeps letters outside ASCII inside their word instead of splitting it there', () => {
    expect(words('Straße пароль accıdently')).toEqual(['straße', 'пароль', 'accıdently']);
  });

  it('reads Latin words inside Japanese text, and finds the lexicon words inside runs without spaces', () => {
    expect(words('AWSのRootユーザーにてMFA')).toEqual(['aws', 'の', 'root', 'ユーサーにて', 'mfa']);
    expect(terms('AWSルートユーザーのMFAデバイスを紛失しました')).toEqual(terms('aws root user mfa device lost'));
    expect(terms('비밀번호를 잊어버렸어요')).toEqual(terms('password forgot'));
    expect(terms('クレカ番号の更新')).toEqual(terms('card'));
    // "ID" in Latin letters is a word of its own beside the Japanese "account": together they are the account ID.
    expect(terms('アカウントIDがわからない')).toEqual(terms('account id'));
  });

  it('finds the words of fraud, bills and a changed phone inside Japanese, Chinese and Korean runs', () => {
    expect(terms('账单里多了几十台挖矿的实例')).toEqual(terms('bill fraud instances'));
    expect(terms('액세스키가 유출되어')).toEqual(terms('access key leaked'));
    expect(terms('機種変更したらMFAが')).toEqual(terms('new phone mfa'));
    // "不正に" (illegitimately) is fraud; "不正" alone is what an error message says of a wrong code.
    expect(terms('不正に利用されている')).toEqual(terms('fraud'));
    expect(terms('MFAコードが不正です')).toEqual(terms('mfa invalid'));
  });

  it("reads the corpus's English the same without the other languages' and scripts' words", () => {
    // A one-word variant can change how an English phrase of the lexicon folds: French "débité" (charged) is
    // "debit" once stemmed, and made "debit card" teach the second pass that "charge card" is a card; Italian
    // "sospeso" made "account suspended" lose its "account".
    const englishOnly = createAnalyzer(
      { ...corpus.lexicon, other_languages: {}, other_scripts: {} },
      corpusTexts,
      loadEnglishWords,
    );
    const differing = corpusTexts.filter(
      (text) => englishOnly.analyzeCorpusText(text).join(' ') !== analyzer.analyzeCorpusText(text).join(' '),
    );
    // One, as meant: French "code de vérification" makes "code … verify" one verification code.
    expect(differing).toEqual(['one time code from verify.signin.aws never came']);
  });

  it('folds the same concepts in other languages written in Latin letters, and leaves English words as they were', () => {
    expect(terms('instancias, recursos')).toEqual(terms('instances, resources'));
    expect(terms('ancien employé')).toEqual(terms('left the company'));
    // Hindi written in Latin letters: its small words go, its words for forgetting and losing stay.
    expect(terms('mera password bhool gaya')).toEqual(terms('password forgot'));
    expect(terms('mfa wala phone kho gaya')).toEqual(terms('mfa wala phone lost'));
    // The "débité" of the test above, seen from a question.
    expect(terms('a charge on my card')).toContain(terms('charge')[0]);
  });

  it("reads a question written in another language with that language's words, not as misspelt English", () => {
    expect(terms('olvidé mi contraseña')).toEqual(terms('forgot password'));
    expect(terms('je veux fermer mon compte')).toEqual(terms('close account'));
    // Without two of the language's small words, a word nobody knows is taken for a typo ("porta" for "portal").
    expect(terms('porta account')).toContain('portal');
    expect(terms('a porta da minha conta')).not.toContain('portal');
  });

  it('folds synonyms onto one canonical term', () => {
    expect(terms('2fa')).toEqual(terms('mfa'));
    expect(terms('google authenticator')).toEqual(terms('mfa'));
    expect(terms('okta')).toEqual(terms('entra id'));
    expect(terms('log in')).toEqual(terms('sign-in'));
    expect(terms('pw')).toEqual(terms('password'));
  });

  it('reads "Systems Manager" as the service, not as a system administrator', () => {
    const [administrator] = terms('admin');
    expect(terms('systems manager says access denied')).not.toContain(administrator);
    expect(terms('my manager has the password')).toContain(administrator);
  });

  // A two-word synonym is matched across stop words by its folded words too: "password manager" folded onto
  // a term of its own made every "password … admin" that term ("forgot my password, the admin is away").
  it('reads a password beside an administrator as both', () => {
    const [password] = terms('password');
    const [administrator] = terms('admin');
    expect(terms('forgot my password, the admin is away')).toEqual(expect.arrayContaining([password, administrator]));
  });

  it('drops stop words and Slack-style filler', () => {
    expect(terms('hey team, can someone please help me with this thanks')).toEqual([]);
  });

  it('does not count the word right after "not"', () => {
    expect(terms('identity center user, not okta')).not.toContain(terms('okta')[0]);
    expect(terms('the page is not loading')).toContain(terms('loading')[0]);
  });

  it('matches phrases across stop words and synonyms', () => {
    const close = terms('close')[0];
    expect(terms('delete aws account')).toContain(close);
    expect(terms('delete my aws acct')).toContain(close);
    expect(terms('my mailbox was deleted')).not.toContain(close);
  });

  // A second-pass phrase is its variant's words folded, and "delete my aws account" folds to "delete aws"
  // ("aws account" is "aws"): before, any "delete … aws" read as closing the account, and any "created …
  // aws" as the root user.
  it('matches a folded phrase only where the words were folded the same way', () => {
    const [close] = terms('close');
    const [root] = terms('root');
    expect(terms('I accidentally deleted the aws mfa entry')).not.toContain(close);
    expect(terms('my admin created an aws user for me')).not.toContain(root);
    // The phrases still read where the words are the variant's, or fold as its did.
    expect(terms('I opened this aws account myself')).toContain(root);
    expect(terms('who created our aws account')).toContain(root);
    expect(terms('need to shut down the aws account')).toContain(close);
    expect(terms('delete the aws account please')).toContain(close);
    // The mark between the passes never reaches a term.
    expect(terms('my aws account and my phone number')).toEqual(terms('my aws and my phone'));
  });

  it("reads Amazon's shop only in the shop's own address, not in another host under amazon.com", () => {
    const shop = terms('amazon.com')[0];
    expect(terms('www.amazon.com')).toContain(shop);
    expect(terms('amazon.co.uk')).toContain(shop);
    expect(terms('the sign in at developer.amazon.com keeps reloading')).not.toContain(shop);
    expect(terms('your list blocks fls-na.amazon.com')).not.toContain(shop);
    // AWS's own hosts under amazon.com are still the sign-in address.
    expect(terms('console.aws.amazon.com')).toEqual(terms('signin.aws.amazon.com'));
    expect(words('eu-central-1.signin.aws.amazon.com')).toContain('signinaws');
  });

  it("reads a host under amazonaws.com as an API endpoint, the access portal's own hosts aside", () => {
    expect(words('proxy blocks *.s3.amazonaws.com today')).toEqual(['proxy', 'blocks', 'awsendpoint', 'today']);
    expect(words('monitoring.*.amazonaws.com and sts.amazonaws.com')).toEqual(['awsendpoint', 'and', 'awsendpoint']);
    expect(words('allow *.sso.amazonaws.com')).not.toContain('awsendpoint');
  });

  it('reads a command-line tool named for AWS as one word, and no group, address or compound', () => {
    expect(words('when I run `aws-okta` it fails')).toEqual(['when', 'i', 'run', 'awstool', 'it', 'fails']);
    expect(words('aws-mfa, aws-sso and aws-amplify-react-native.')).toEqual(['awstool', 'awstool', 'and', 'awstool']);
    expect(words('I am in the aws-admins group')).not.toContain('awstool');
    expect(words('mail aws-mfa@example.com')).not.toContain('awstool');
    expect(words('Mein AWS-Konto ist gesperrt')).not.toContain('awstool');
    expect(words('an aws-hosted phishing site')).not.toContain('awstool');
  });

  it('reads "my app\'s" as someone\'s own application, and MyApps as the portal', () => {
    const portal = terms('access portal')[0];
    expect(terms("my app's signup flow")).not.toContain(portal);
    expect(terms('we cannot find aws under MyApps')).toContain(portal);
  });

  it('keeps multi-word product names whole, so their words mean nothing alone', () => {
    expect(terms('office 365')).toHaveLength(1);
    // A mail provider is a mailbox, whatever its name's words: "icloud mail" reads as "gmail" does.
    expect(terms('icloud mail')).toEqual(terms('gmail'));
    expect(terms('gmail')).toEqual(['webmail', ...terms('email')]);
  });
});

describe("the lexicon's other languages", () => {
  // A word folds by its stem: another language's word whose stem a corpus word or an English synonym has
  // swallows that word wherever it is written ("carte" made every shopping cart a credit card, "accès" every
  // "acc" an access, and the Spanish "los" was "lose").
  const corpusStems = new Set(corpusTexts.flatMap((text) => words(text).map(stem)));
  const variantStems = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(corpus.lexicon.synonyms)) {
    for (const variant of variants) {
      const [only, ...more] = words(variant);
      if (only !== undefined && more.length === 0) variantStems.set(stem(only), canonical);
    }
  }

  it('holds no one-word variant whose stem a corpus word or an English synonym has, unless it folds the same way', () => {
    const collisions = Object.entries(corpus.lexicon.other_languages).flatMap(([canonical, variants]) =>
      variants
        .filter((variant) => words(variant).length === 1)
        .filter((variant) => {
          const own = stem(words(variant)[0] as string);
          const canonicalStem = stem(canonical);
          return own !== canonicalStem && (corpusStems.has(own) || (variantStems.get(own) ?? canonical) !== canonical);
        }),
    );
    expect(collisions).toEqual([]);
  });

  it("holds no small word of another language that an English post about AWS uses ('eu-west-1', 'SES', 'mac os')", () => {
    const smallWords = new Set(corpus.lexicon.other_language_stopwords.flatMap(words));
    const english = [
      'eu',
      'ses',
      'os',
      'ai',
      'dir',
      'na',
      'nas',
      'al',
      'en',
      'se',
      'si',
      'sus',
      'han',
      'ya',
      'in',
      'no',
    ];
    expect(english.filter((word) => smallWords.has(word))).toEqual([]);
  });
});
