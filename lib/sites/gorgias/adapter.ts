import type { SiteAdapter } from '../adapter';
import { unsupportedWrite } from '../adapter';
import { readGorgiasApi } from './api-read';
import { extract } from './extract';
import { refineGorgias } from './refine';
import { ticketIdFromUrl } from './urls';
import { insertDraft, readEditorText } from './write';

/** Gorgias: read the ticket view, insert drafts into the Draft.js reply editor. */
export const gorgiasAdapter: SiteAdapter = {
  app: 'gorgias',
  label: 'Gorgias',
  extract,
  refine: (snapshot, doc) => refineGorgias(snapshot, doc),
  // The app's own ticket and customer, asked for while the app fetches and renders the new ticket.
  prefetch(doc, url) {
    const id = ticketIdFromUrl(url);
    if (id) void readGorgiasApi(id, doc);
  },
  write(doc, action) {
    if (action.action === 'insertReplyText') {
      const result = insertDraft(doc, action.text);
      return result.ok
        ? { done: true, method: result.method ?? undefined, message: 'Draft placed in the reply editor.' }
        : {
            done: false,
            method: 'failed',
            message: result.error ?? result.attempts.map((a) => `${a.method}: ${a.detail}`).join('; '),
          };
    }
    if (action.action === 'readField' && action.field === 'reply') {
      return { done: true, method: 'read', message: 'Reply editor read.', value: readEditorText(doc).slice(0, 20_000) };
    }
    return unsupportedWrite(gorgiasAdapter, action);
  },
};
