import { loadViews } from '../../components/panel/views';
import { openPanel } from '../../lib/messaging/ahead';

// The panel's boot, kept tiny. The frame is part of the host page, whose load event waits for the
// frame's: so only this much loads before the frame's own load event; React, the shared core
// (`./app`) and this app's views load right after it, while the context asked for here is on its way
// with the answers to the page's first questions (triage and draft, the decision, the listing check),
// which the background computes meanwhile (`panel.open`).
const appHint = new URLSearchParams(location.search).get('app');
const context = openPanel();
const rest = () => {
  if (appHint) void loadViews(appHint).catch(() => undefined);
  void import('./app').then((m) => m.start(appHint, context));
};
if (document.readyState === 'complete') rest();
else addEventListener('load', rest, { once: true });
