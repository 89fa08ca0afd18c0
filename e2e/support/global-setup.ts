import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROME_BUILD, chromiumPath } from './paths';

/** Fails early and clearly when the extension is not built or Chromium is missing. */
export default function globalSetup(): void {
  if (!existsSync(path.join(CHROME_BUILD, 'manifest.json'))) {
    throw new Error(`No built extension at ${CHROME_BUILD}. Run \`npm run build\` first (npm test does).`);
  }
  chromiumPath();
}
