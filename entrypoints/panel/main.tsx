import { loadViews } from '../../components/panel/views';
import { call } from '../../lib/messaging/client';

// The panel's boot, kept tiny: the frame's own load event (which the host page's load event waits
// for) fires as soon as this has run. It asks for the page's context and starts loading this app's
// views at once; React and the shared core (`./app`) load in parallel with both.
const appHint = new URLSearchParams(location.search).get('app');
const context = call('panel.getContext', {});
if (appHint) void loadViews(appHint).catch(() => undefined);
void import('./app').then((m) => m.start(appHint, context));
