import { describe, expect, it } from 'vitest';
import { classifyText } from './classify';
import { languageOf, riskFlags, sentimentOf, urgencyOf } from './signals';

describe('classifyText', () => {
  it('classifies a double charge as billing with money involved', () => {
    const c = classifyText('Hi, I was charged twice for my order, $64.00 two times on my Visa.');
    expect(c.intent).toBe('billing');
    expect(c.involvesMoney).toBe(true);
    expect(c.moneyReasons).toContain('intent billing');
  });

  it('classifies "where is my order" as order_status without money', () => {
    const c = classifyText("Hi, where is my order? I placed it last Tuesday and haven't received a shipping email.");
    expect(c.intent).toBe('order_status');
    expect(c.involvesMoney).toBe(false);
  });

  it('classifies sizing questions, wholesale enquiries and promo codes', () => {
    expect(classifyText('Does the linen shirt run small? What size should I get?').intent).toBe('size_fit');
    expect(
      classifyText('I own a boutique in Leeds and would like to stock your brand. Do you have wholesale terms?').intent,
    ).toBe('wholesale');
    expect(classifyText('My discount code WELCOME10 says invalid at checkout').intent).toBe('promo_code');
  });

  it('separates "delivered but not received" from a late delivery', () => {
    expect(classifyText('Tracking says delivered yesterday but there is nothing at my door.').intent).toBe(
      'delivery_issue',
    );
    expect(classifyText('My order is two weeks late and still has not arrived.').intent).toBe('delivery_late');
  });

  it('lists several intents, primary first, with confidences between 0 and 1', () => {
    const c = classifyText('I want to return the jacket and get my money back');
    expect(c.intents[0]!.id).toBe(c.intent);
    for (const i of c.intents) expect(i.confidence).toBeGreaterThan(0);
    for (const i of c.intents) expect(i.confidence).toBeLessThanOrEqual(1);
    expect(c.involvesMoney).toBe(true);
  });

  it('reads how shop customers write on social media (issue 15: dev tweets to a marketplace)', () => {
    // Sentences written for this test in the style of the dev tweets, not taken from any test set.
    expect(classifyText("Ordered on Monday and it hasn't been dispatched yet, why?").intent).toBe('order_status');
    expect(classifyText('So my parcel will not be delivered until next Tuesday now?').intent).toBe('delivery_late');
    expect(classifyText('Out for delivery since 7am and still nothing').intent).toBe('delivery_late');
    expect(classifyText("My three books aren't being delivered until next week??").intent).toBe('delivery_late');
    expect(classifyText('The app says attempted delivery at 6pm, that is false, I was in all day').intent).toBe(
      'delivery_issue',
    );
    expect(classifyText('Worst customer service ever, nobody called me back').intent).toBe('feedback');
    expect(classifyText("I never got the cashback from last week's offer").intent).toBe('promo_code');
  });

  it('does not count a cancellation as money when the order is known to be unpaid', () => {
    const unpaid = classifyText('Please cancel my order, I ordered the wrong colour', { paidOrder: false });
    expect(unpaid.intent).toBe('cancel_order');
    expect(unpaid.involvesMoney).toBe(false);
    expect(classifyText('Please cancel my order, I ordered the wrong colour').involvesMoney).toBe(true);
  });
});

describe('signals', () => {
  it('detects the language by stop words', () => {
    expect(languageOf('Hallo, ich habe meine Bestellung noch nicht erhalten, bitte helfen Sie mir')).toBe('de');
    expect(languageOf("Bonjour, je n'ai pas reçu ma commande, merci de vérifier")).toBe('fr');
    expect(languageOf('Hola, todavía no he recibido mi pedido, gracias')).toBe('es');
    expect(languageOf('Ciao, non ho ancora ricevuto il mio ordine, grazie')).toBe('it');
    expect(languageOf('Hallo, ik heb mijn bestelling nog niet ontvangen, bedankt')).toBe('nl');
    expect(languageOf('Olá, ainda não recebi o meu pedido, obrigado')).toBe('pt');
    expect(languageOf('Hi, I have not received my order yet, thanks')).toBe('en');
  });

  it('flags an angry customer from strong words and shouting', () => {
    expect(sentimentOf('This is RIDICULOUS. Worst service ever!!').angry).toBe(true);
    expect(sentimentOf('Could you check my order please?').sentiment).toBe('neutral');
    expect(sentimentOf('I love the jacket, amazing quality').sentiment).toBe('positive');
  });

  it('finds legal, chargeback, safety and press threats', () => {
    expect(riskFlags('I will contact my lawyer').map((r) => r.kind)).toEqual(['legal']);
    expect(riskFlags('I am filing a chargeback today').map((r) => r.kind)).toEqual(['chargeback']);
    expect(riskFlags('The heater caught fire and burned my hand').map((r) => r.kind)).toContain('safety');
    expect(riskFlags('I am a journalist writing an article about you').map((r) => r.kind)).toContain('press');
    expect(riskFlags('Can you check my order?')).toEqual([]);
  });

  it('rates urgency from time pressure, anger and risks, and lowers it for pre-sale questions', () => {
    expect(urgencyOf('Please refund the duplicate as soon as possible', 'billing', false, 0).urgency).toBe('high');
    expect(urgencyOf('Where is my order?', 'order_status', false, 0).urgency).toBe('normal');
    expect(urgencyOf('Where is my order?', 'order_status', true, 0)).toEqual({
      urgency: 'high',
      reason: 'angry customer',
    });
    expect(urgencyOf('Do you ship to Canada?', 'product_question', false, 0).urgency).toBe('low');
  });
});
