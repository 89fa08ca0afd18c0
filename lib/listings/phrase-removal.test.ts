import { describe, expect, it } from 'vitest';
import { removePhrases, removeSentencesWith } from './phrase-removal';
import { BULLET_CLAIMS_RE } from './rules/amazon';
import { contactHits } from './text';

describe('taking a banned phrase out without breaking the sentence', () => {
  it('drops a list part that was only the claim and its noun ("Eco-friendly dyes, pre-shrunk fabric")', () => {
    expect(removePhrases('Eco-friendly dyes, pre-shrunk fabric', BULLET_CLAIMS_RE)).toEqual({
      text: 'Pre-shrunk fabric',
      removed: ['Eco-friendly'],
      dropped: ['Eco-friendly dyes'],
    });
  });

  it('takes the joiner with the claim ("Soft and eco-friendly cotton tee…")', () => {
    expect(removePhrases('Soft and eco-friendly cotton tee for everyday wear', BULLET_CLAIMS_RE).text).toBe(
      'Soft cotton tee for everyday wear',
    );
  });

  it('leaves nothing when the claim was all the text said', () => {
    expect(removePhrases('Made from bamboo', BULLET_CLAIMS_RE).text).toBe('');
  });

  it('removes a contact sentence and the lone question leading into it', () => {
    const contact = (s: string) => contactHits(s, ['email', 'url', 'bareDomain', 'phone']).length > 0;
    expect(
      removeSentencesWith('Questions? Visit northwind-apparel.com or call +1 (718) 555-0142', [contact]).text,
    ).toBe('');
    expect(removeSentencesWith('Soft tee. Questions? Email hello@northwind.com.', [contact]).text).toBe('Soft tee.');
  });
});
