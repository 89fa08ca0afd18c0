import type { z } from 'zod';
import { brandModelMessages } from './contract/brand-model';
import { coreMessages } from './contract/core';
import { csMessages } from './contract/cs';
import { listingsMessages } from './contract/listings';
import { planningMessages } from './contract/planning';
import { returnsMessages } from './contract/returns';
import { sitesMessages } from './contract/sites';
import type { MessageDef } from './define';

/**
 * Every message the background answers, by verb-first namespaced name. Each process adds its own
 * group under `contract/`; the background router refuses any type not listed here.
 */
export const CONTRACT = {
  ...coreMessages,
  ...csMessages,
  ...returnsMessages,
  ...planningMessages,
  ...listingsMessages,
  ...brandModelMessages,
  ...sitesMessages,
} as const satisfies Record<string, MessageDef>;

export type MessageType = keyof typeof CONTRACT;
export type RequestOf<K extends MessageType> = z.input<(typeof CONTRACT)[K]['request']>;
export type ParsedRequestOf<K extends MessageType> = z.output<(typeof CONTRACT)[K]['request']>;
export type ResponseOf<K extends MessageType> = z.output<(typeof CONTRACT)[K]['response']>;

/** The wire envelope of a call to the background. */
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: RequestOf<K>;
}
