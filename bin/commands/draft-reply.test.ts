import { describe, expect, it } from 'vitest';
import { draftForTicket } from '../../lib/cs/service';
import { ticketInputSchema } from '../../lib/cs/ticket';

const LINE =
  '{"subject":"Order?","messages":[{"from":"customer","body":"Where is my order #1047?"}],"orders":[{"number":"#1047","financial_status":"Paid","fulfillment_status":"Fulfilled","tracking_number":"9400111899223197428490","carrier":"USPS","tracking_url":"https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490","total":"58.00","currency":"USD","created_at":"2026-11-20","line_items":[{"sku":"MUG-01","title":"Stoneware Mug","quantity":2,"price":"29.00"}]}]}';

describe('draft-reply command path', () => {
  it('drafts a reply citing the USPS tracking number', async () => {
    const d = await draftForTicket(ticketInputSchema.parse(JSON.parse(LINE)));
    expect(d.draft).toContain('9400111899223197428490');
    expect(d.citations).toContainEqual({
      kind: 'order_field',
      label: 'Tracking number',
      value: '9400111899223197428490',
    });
    expect(d.flagged).toEqual([]);
  });
});
