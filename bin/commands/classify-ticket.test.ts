import { describe, expect, it } from 'vitest';
import { triageResultSchema, triageTicket } from '../../lib/cs/service';
import { ticketInputSchema } from '../../lib/cs/ticket';

const LINE =
  '{"subject":"Order?","messages":[{"from":"customer","body":"Where is my order #1047?"}],"orders":[{"number":"#1047","financial_status":"Paid","fulfillment_status":"Fulfilled","tracking_number":"9400111899223197428490","carrier":"USPS","tracking_url":"https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490","total":"58.00","currency":"USD","created_at":"2026-11-20","line_items":[{"sku":"MUG-01","title":"Stoneware Mug","quantity":2,"price":"29.00"}]}]}';

describe('classify-ticket command path', () => {
  it('turns a JSON line into the issue-4 classification shape', async () => {
    const out = (await triageTicket(ticketInputSchema.parse(JSON.parse(LINE)))).result;
    expect(Object.keys(out)).toEqual([
      'intent',
      'intents',
      'sentiment',
      'involves_money',
      'injection',
      'tier',
      'reasons',
    ]);
    expect(triageResultSchema.parse(out)).toMatchObject({
      intent: 'order_status',
      tier: 'autonomous',
      involves_money: false,
    });
  });

  it('rejects a line whose messages have an unknown sender', () => {
    expect(() => ticketInputSchema.parse({ subject: 'x', messages: [{ from: 'bot', body: 'hi' }] })).toThrow();
  });
});
