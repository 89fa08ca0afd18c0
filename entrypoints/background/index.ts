import { setupCommands } from './commands';
import { setupDraftPort } from './draft-port';
import { setupMessaging } from './messaging';
import { setupPanelPorts } from './panel-ports';
import { setupRetention } from './retention';
import { setupTabCleanup } from './tabs';

// Only wiring: each concern sets itself up in a sibling file. No state lives in module globals
// beyond listener registration; per-tab data is in storage.session, the rest in IndexedDB.
export default defineBackground(() => {
  setupPanelPorts();
  setupDraftPort();
  setupMessaging();
  setupTabCleanup();
  setupRetention();
  setupCommands();
});
