/** Numbers and channel names as the plan's rationales and warnings write them. */
import type { Channel } from './import/types';

/** Channel names as a person reads them. */
export const CHANNEL_LABEL: Record<Channel, string> = { shopify: 'Shopify', pos: 'POS', amazon: 'Amazon' };

/** One decimal: `14.2`. */
export const fmt1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
/** A whole number: `14`. */
export const int = (x: number) => String(Math.round(x));
